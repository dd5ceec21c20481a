import { readFileSync } from 'node:fs';
import type { Application } from '../../schemas/application.generated.ts';
import { validateDocument } from '../applications/validate-document.ts';
import { formatCall } from '../calls/format-call.ts';
import { runScriptedCall } from '../calls/scripted-call.ts';
import { exampleApplications, exampleBusinessHours, examplePhoneNumbers } from '../seed/examples.ts';

export async function testCallCommand(options: {
  dnis?: string | undefined;
  ani: string;
  dtmf: string;
  file?: string | undefined;
  at?: string | undefined;
  json: boolean;
}): Promise<number> {
  let application: Application | undefined;
  const dnis = options.dnis ?? examplePhoneNumbers()[0]?.dnis ?? '';
  if (options.file) {
    application = JSON.parse(readFileSync(options.file, 'utf8')) as Application;
  } else {
    const applicationId = examplePhoneNumbers().find((p) => p.dnis === dnis)?.applicationId;
    application = exampleApplications().find((a) => a.document.id === applicationId)?.document;
    if (!application) {
      console.error(`No example application is assigned to ${dnis}; pass --file app.json`);
      return 2;
    }
  }
  const report = validateDocument(application);
  if (!report.valid) {
    console.error(`The application has ${report.errors} error(s); run ringback validate for details.`);
    return 1;
  }
  const atMs = options.at ? Date.parse(options.at) : Date.now();
  if (Number.isNaN(atMs)) {
    console.error('--at must be an ISO 8601 instant');
    return 2;
  }
  const entries = options.dtmf
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const bad = entries.find((e) => !/^[0-9*#]+$/.test(e));
  if (bad) {
    console.error(`--dtmf: "${bad}" has characters other than 0-9, * and #`);
    return 2;
  }
  const state = await runScriptedCall({
    application,
    ani: options.ani,
    dnis,
    entries,
    atMs,
    businessHours: exampleBusinessHours().map((h) => h.document),
  });
  console.log(options.json ? JSON.stringify(state, null, 2) : formatCall(state));
  return state.error ? 1 : 0;
}
