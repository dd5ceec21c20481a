/**
 * One test call: started over HTTP, followed over SSE. Every event also triggers a re-read of the
 * call's state, so the panel shows the runtime's view even if an event was missed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type StartTestCall, testCallsApi } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { TestCall, TestCallEvent } from '../../api/types.ts';
import { designer, NO_RUN, useDesigner } from '../store/designer-store.ts';
import { runHighlight } from './trace-path.ts';

/** Event types of runtime/interpreter/call-state.ts, plus the closing `state` snapshot. */
const CALL_EVENT_TYPES = [
  'callStarted',
  'phaseStarted',
  'blockEntered',
  'blockExited',
  'prompt',
  'inputRequested',
  'inputReceived',
  'variableChanged',
  'routed',
  'paused',
  'resumed',
  'error',
  'ended',
  'state',
] as const;

export function useTestCall() {
  const [call, setCall] = useState<TestCall | null>(null);
  const [events, setEvents] = useState<TestCallEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const source = useRef<EventSource | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((next: TestCall) => {
    setCall(next);
    designer.setRun(runHighlight(next));
    if (next.state === 'ended') source.current?.close();
  }, []);

  const refresh = useCallback(
    (id: string) => {
      clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => {
        testCallsApi.get(id).then(show, (e) => setError(describeError(e)));
      }, 60);
    },
    [show],
  );

  const follow = useCallback(
    (id: string) => {
      source.current?.close();
      const events = new EventSource(testCallsApi.eventsUrl(id), { withCredentials: true });
      const onEvent = (message: MessageEvent) => {
        try {
          const event = JSON.parse(message.data as string) as TestCallEvent;
          setEvents((old) =>
            old.some((e) => e.seq === event.seq && e.type === event.type) ? old : [...old, event],
          );
          if (event.type === 'state' && event.call && typeof event.call === 'object')
            show(event.call as TestCall);
          else refresh(id);
        } catch {
          refresh(id);
        }
      };
      // The runtime names each SSE event by its type, and EventSource has no wildcard listener.
      for (const type of CALL_EVENT_TYPES) events.addEventListener(type, onEvent);
      events.onmessage = onEvent;
      events.onerror = () => refresh(id);
      source.current = events;
    },
    [refresh, show],
  );

  const act = useCallback(
    async (action: () => Promise<TestCall | undefined>) => {
      try {
        setError(null);
        const next = await action();
        if (next && typeof next === 'object' && 'state' in next) show(next);
      } catch (e) {
        setError(describeError(e));
      }
    },
    [show],
  );

  const start = useCallback(
    (body: StartTestCall) =>
      act(async () => {
        setEvents([]);
        const breakpoints = Object.keys(useDesigner.getState().breakpoints);
        const created = await testCallsApi.start({ ...body, breakpoints });
        follow(created.id);
        return created;
      }),
    [act, follow],
  );

  // Breakpoints toggled during a live call go to the runtime at once.
  const liveId = call && call.state !== 'ended' ? call.id : null;
  useEffect(() => {
    if (!liveId) return;
    return useDesigner.subscribe((s, old) => {
      if (s.breakpoints === old.breakpoints) return;
      void act(() => testCallsApi.breakpoints(liveId, Object.keys(s.breakpoints)));
    });
  }, [liveId, act]);

  useEffect(
    () => () => {
      source.current?.close();
      clearTimeout(refreshTimer.current);
      designer.setRun(NO_RUN);
    },
    [],
  );

  const id = call?.id;
  return {
    call,
    events,
    error,
    start,
    dtmf: (digits: string) => id && act(() => testCallsApi.dtmf(id, digits)),
    hangup: () => id && act(() => testCallsApi.hangup(id)),
    step: () => id && act(() => testCallsApi.step(id)),
    resume: () => id && act(() => testCallsApi.continue(id)),
    silence: () => id && act(() => testCallsApi.timeout(id)),
    setVariable: (name: string, value: unknown) => id && act(() => testCallsApi.setVariable(id, name, value)),
    clear: () => {
      source.current?.close();
      setCall(null);
      setEvents([]);
      designer.setRun(NO_RUN);
    },
  };
}
