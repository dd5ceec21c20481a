import { type FormEvent, useCallback, useState } from 'react';
import type { StartTestCall } from '../../api/endpoints.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { BlockRef } from './block-ref.tsx';
import { BookedCallbackView } from './booked-callback.tsx';
import { DebugControls } from './debug-controls.tsx';
import { Keypad } from './keypad.tsx';
import { useTestCall } from './use-test-call.ts';
import { VariableInspector } from './variable-inspector.tsx';

/** Place a test call, hear its prompts as text, answer with DTMF, and watch the path on the canvas. */
export function TestCallPanel() {
  const applicationId = useDesigner((s) => s.applicationId)!;
  const test = useTestCall();
  const [target, setTarget] = useState<'application' | 'dnis'>('application');
  const [dnis, setDnis] = useState('');
  const [version, setVersion] = useState('');
  const [ani, setAni] = useState('+15551230000');
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
      target === 'dnis'
        ? { dnis: dnis.trim(), ani }
        : { applicationId, ani, ...(version ? { version: Number(version) } : {}) };
    void test.start(body);
  };

  return (
    <div className="test-call panel-pad" data-testid="test-call-panel">
      <h2>Test call</h2>
      <form onSubmit={start} className="test-call-form">
        <label>
          Call
          <select value={target} onChange={(e) => setTarget(e.target.value as 'application' | 'dnis')}>
            <option value="application">this application (live version)</option>
            <option value="dnis">a phone number (DNIS)</option>
          </select>
        </label>
        {target === 'dnis' ? (
          <label>
            DNIS
            <input value={dnis} onChange={(e) => setDnis(e.target.value)} placeholder="+18005550100" />
          </label>
        ) : (
          <label>
            Version
            <input
              value={version}
              onChange={(e) => setVersion(e.target.value)}
              placeholder="live"
              inputMode="numeric"
            />
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
          {call.callback && <BookedCallbackView callId={call.id} ani={call.ani} initial={call.callback} />}
          <h3>Variables</h3>
          <VariableInspector
            variables={call.variables}
            onChange={live ? (name, value) => test.setVariable(name, value) : null}
          />
          <h3>Trace</h3>
          <ol className="trace">
            {call.trace.map((t) => (
              <li key={t.seq}>
                <BlockRef blockId={t.blockId} />{' '}
                <span className="muted">
                  → {t.outcome ?? '…'}
                  {t.durationMs !== null ? ` (${t.durationMs} ms)` : ''}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
