import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simulatorApi, testCallsApi } from '../../api/endpoints.ts';
import type { BookedCallback, DialOutcome } from '../../api/types.ts';

const choices: { outcome: DialOutcome; label: string }[] = [
  { outcome: 'answer', label: 'Answer' },
  { outcome: 'busy', label: 'Reject (busy)' },
  { outcome: 'noAnswer', label: "Don't answer" },
];

/**
 * The callback a test call booked, followed after the inbound call ends: its state, attempts and
 * audit. The designer decides what the customer (the caller's number) does when Ringback calls.
 */
export function BookedCallbackView(props: { callId: string; initial: BookedCallback }) {
  const { callId, initial } = props;
  const { t } = useTranslation('designer');
  const [callback, setCallback] = useState(initial);
  const [answer, setAnswer] = useState<DialOutcome>('answer');
  const done = callback.state === 'COMPLETED';

  useEffect(() => setCallback(initial), [initial]);
  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => {
      testCallsApi.get(callId).then(
        (call) => call.callback && setCallback(call.callback),
        () => undefined,
      );
    }, 2000);
    return () => clearInterval(timer);
  }, [callId, done]);

  // The simulated customer is whoever answers the number the callback dials.
  const number = callback.phoneNumber;
  const choose = (outcome: DialOutcome) => {
    setAnswer(outcome);
    void simulatorApi.scriptDialer(number, [{ outcome, afterSeconds: 5 }]);
  };

  return (
    <section className="booked-callback" data-testid="booked-callback" aria-live="polite">
      <h3>Callback</h3>
      <p data-testid="callback-number">
        {t('test.callbackWillCall', { number, at: new Date(callback.desiredTime).toLocaleString() })}
      </p>
      <p>
        <strong>{callback.state}</strong>
        {callback.reason ? ` · ${callback.reason}` : ''} · {callback.virtualQueue} · attempt(s){' '}
        {callback.attempts}
      </p>
      {!done && (
        <fieldset className="button-row">
          <legend>{t('test.whenRingbackCalls', { number })}</legend>
          {choices.map((c) => (
            <button
              key={c.outcome}
              type="button"
              aria-pressed={answer === c.outcome}
              className={answer === c.outcome ? 'primary' : ''}
              onClick={() => choose(c.outcome)}
            >
              {c.label}
            </button>
          ))}
        </fieldset>
      )}
      <ol className="trace">
        {callback.audit.map((a) => (
          <li key={`${a.at}-${a.to}-${a.reason}`}>
            <span className="muted">{new Date(a.at).toLocaleTimeString()}</span> {a.from ?? '·'} → {a.to}{' '}
            <span className="muted">{a.reason}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
