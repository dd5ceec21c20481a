/** Validation of a generated 2,000-block application; baseline: JSON schema check alone. */
import { validateDocument } from '../runtime/applications/validate-document.ts';
import { schemaValidator } from '../schemas/validation/index.ts';
import { largeFlow } from './flows.ts';
import { median, type Report } from './report.ts';

export function benchValidation(report: Report): void {
  const application = largeFlow(2000);
  const times: number[] = [];
  const schemaTimes: number[] = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    validateDocument(application);
    times.push(performance.now() - start);
    const s = performance.now();
    schemaValidator().validate('application.schema.json', application);
    schemaTimes.push(performance.now() - s);
  }
  const warm = median(times.slice(5));
  report.figure('validation: 2,000-block application, median', warm, {
    unit: 'ms',
    target: '< 50 ms',
    ok: warm < 50,
  });
  report.figure('  baseline: document schema check alone, median', median(schemaTimes.slice(5)), {
    unit: 'ms',
  });
  report.ratio('  full validation ÷ schema check', warm / median(schemaTimes.slice(5)));
}
