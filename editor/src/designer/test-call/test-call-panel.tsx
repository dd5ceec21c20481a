import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartTestCall } from '../../api/endpoints.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { BlockRef } from './block-ref.tsx';
import { BookedCallbackView } from './booked-callback.tsx';
import { type CallTarget, CallTargetPicker } from './call-target.tsx';
import { DebugControls } from './debug-controls.tsx';
import { Keypad } from './keypad.tsx';
import { SimulationControls } from './simulation-controls.tsx';
import { TraceBlockRef } from './trace-block-ref.tsx';
import { useTestCall } from './use-test-call.ts';
import { VariableInspector } from './variable-inspector.tsx';

/**
 * The default caller: a real North American number (the seeded number-validation rule accepts
 * it), so a first test call that books a callback is not refused for its caller.
 */
export const DEFAULT_CALLER = '+14155550123';

/** Place a test call, hear its prompts as text, answer with DTMF, and watch the path on the canvas. */
export function TestCallPanel() {
  const { t } = useTranslation('designer');
  const applicationId = useDesigner((s) => s.applicationId)!;
  const test = useTestCall();
  const [target, setTarget] = useState<CallTarget>({ kind: 'draft' });
  const [dnis, setDnis] = useState('');
  const [ani, setAni] = useState(DEFAULT_CALLER);
  const [digits, setDigits] = useState('');
  const call = test.call;
  const live = !!call && call.state !== 'ended';
  const breakpointCount = useDesigner((s) => Object.keys(s.breakpoints).length);
  const { step: stepCall, resume: resumeCall } = test;
  const step = useCallback(() => void stepCall(), [stepCall]);
  const resume = useCallback(() => void resumeCall(), [resumeCall]);

  const start = (event: FormEvent) => {
    event.preventDefault();
    const body: StartTestCall =
      target.kind === 'dnis'
        ? { dnis: dnis.trim(), ani }
        : target.kind === 'draft'
          ? { applicationId, ani, draft: true }
          : { applicationId, ani, ...(target.kind === 'version' ? { version: target.version } : {}) };
    void test.start(body);
  };

  return (
    <div className="test-call panel-pad" data-testid="test-call-panel">
      <h2>Test call</h2>
      <form onSubmit={start} className="test-call-form">
        <CallTargetPicker
          applicationId={applicationId}
          value={target}
          onChange={setTarget}
          refreshKey={call?.id}
        />
        {target.kind === 'dnis' && (
          <label>
            DNIS
            <input value={dnis} onChange={(e) => setDnis(e.target.value)} placeholder="+18005550100" />
          </label>
        )}
        <label>
          Caller (ANI)
          <input aria-label="Caller number" value={ani} onChange={(e) => setAni(e.target.value)} />
        </label>
        <p className="muted">
          {breakpointCount
            ? `${breakpointCount} breakpoint(s): the call pauses before those blocks.`
            : 'Select a block and press F9 (or right-click it) to pause the call there.'}
        </p>
        <div className="button-row">
          <button type="submit" className="primary" disabled={live}>
            Start call
          </button>
          <button type="button" onClick={() => void test.hangup()} disabled={!live}>
            Hang up
          </button>
          {call && !live && (
            <button type="button" onClick={test.clear}>
              Clear
            </button>
          )}
        </div>
      </form>
      {test.error && (
        <p role="alert" className="error">
          {test.error}
        </p>
      )}
      {call && (
        <>
          <p className="call-state" data-testid="call-state">
            <strong>{call.state}</strong>
            {call.currentBlockId && (
              <>
                {' · in '}
                <BlockRef blockId={call.currentBlockId} />
                <span className="muted"> {call.currentBlockId}</span>
              </>
            )}
            {call.endReason && ` · ${call.endReason}`}
            {call.error && ` · ${call.error.code}: ${call.error.message}`}
          </p>
          <ol className="transcript" data-testid="transcript">
            {call.prompts.map((p) => (
              <li key={p.seq}>
                <button type="button" className="link" onClick={() => designer.select([p.blockId])}>
                  “{p.text}”
                </button>
              </li>
            ))}
          </ol>
          {call.state === 'paused' && call.currentBlockId && (
            <DebugControls pausedAt={call.currentBlockId} onStep={step} onContinue={resume} />
          )}
          {call.pendingInput && (
            <p className="muted">
              Waiting for {call.pendingInput.minDigits}–{call.pendingInput.maxDigits} digit(s)
              {call.pendingInput.terminator ? `, end with ${call.pendingInput.terminator}` : ''}.
            </p>
          )}
          <Keypad disabled={!live} onKey={(d) => void test.dtmf(d)} />
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!digits) return;
              void test.dtmf(digits);
              setDigits('');
            }}
          >
            <input
              aria-label="Digits"
              value={digits}
              onChange={(e) => setDigits(e.target.value)}
              placeholder="digits"
            />
            <button type="submit" disabled={!live}>
              Send
            </button>
            <button type="button" disabled={!call.pendingInput} onClick={() => void test.silence()}>
              Stay silent
            </button>
          </form>
          {call.draft && <p className="muted">{t('test.runningDraft')}</p>}
          {call.callback && <BookedCallbackView callId={call.id} initial={call.callback} />}
          <h3>Variables</h3>
          <VariableInspector
            variables={call.variables}
            onChange={live ? (name, value) => test.setVariable(name, value) : null}
          />
          <h3>Trace</h3>
          <ol className="trace">
            {call.trace.map((entry) => (
              <li key={entry.seq}>
                <TraceBlockRef entry={entry} />{' '}
                <span className="muted">
                  → {entry.outcome ?? '…'}
                  {entry.durationMs !== null ? ` (${entry.durationMs} ms)` : ''}
                </span>
                {entry.notes?.map((note) => (
                  <div key={note} className="trace-note" data-testid="trace-note">
                    {note}
                  </div>
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
      <SimulationControls />
    </div>
  );
}
