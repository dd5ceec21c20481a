/** `ringback serve | validate <app.json> | test-call …` */
import { parseArgs } from 'node:util';
import { ConfigError } from '../env.ts';
import { logFailure } from '../log/failure.ts';
import { serveCommand } from './serve.ts';
import { testCallCommand } from './test-call.ts';
import { validateCommand } from './validate.ts';

const usage = `usage:
  ringback serve                         run the API and editor (configuration from the environment)
  ringback validate <app.json>...        validate application documents; exit 1 on errors
  ringback test-call --dnis N --ani N [--dtmf 1,2,123#] [--file app.json] [--at ISO] [--json]
                                         place a test call in-process and print prompts and trace;
                                         exit 1 when the flow errors`;

const [command, ...rest] = process.argv.slice(2);
try {
  switch (command) {
    case 'serve':
      await serveCommand();
      break;
    case 'validate':
      process.exitCode = validateCommand(rest);
      break;
    case 'test-call': {
      const { values } = parseArgs({
        args: rest,
        options: {
          dnis: { type: 'string' },
          ani: { type: 'string', default: '+14155550123' },
          dtmf: { type: 'string', default: '' },
          file: { type: 'string' },
          at: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      });
      process.exitCode = await testCallCommand(values);
      break;
    }
    default:
      console.log(usage);
      process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
} catch (error) {
  // A configuration problem is the user's to read; anything else may carry data (a failed
  // statement's parameters), so only its codes are shown.
  if (error instanceof ConfigError) console.error(error.message);
  else logFailure('ringback', error);
  process.exitCode = 2;
}
