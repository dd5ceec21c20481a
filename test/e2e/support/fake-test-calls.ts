/** The fake runtime's toy interpreter: Play Message, Menu and Terminate Call in Self Service only. */
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Block {
  type: string;
  properties: Record<string, unknown>;
  next: Record<string, string>;
}
interface Call {
  id: string;
  state: string;
  applicationId: string;
  version: number;
  ani: string;
  dnis: string | null;
  currentBlockId: string | null;
  currentPhase: string | null;
  pendingInput: unknown;
  prompts: { seq: number; blockId: string; text: string }[];
  variables: Record<string, unknown>;
  trace: Record<string, unknown>[];
  endReason: string | null;
  error: null;
  blocks: Record<string, Block>;
  listeners: Set<ServerResponse>;
  seq: number;
}

type Send = (res: ServerResponse, status: number, body?: unknown) => void;
type Problem = (res: ServerResponse, status: number, code: string, detail: string) => void;
type Draft = { versions: { application: unknown }[]; live: number | null } | undefined;

export function fakeTestCalls(draftOf: (id: string) => Draft) {
  const calls = new Map<string, Call>();
  const publicView = ({ blocks: _b, listeners: _l, seq: _s, ...rest }: Call) => rest;
  const emit = (call: Call, type: string, data: Record<string, unknown>) => {
    const event = { seq: ++call.seq, type, at: new Date().toISOString(), ...data };
    for (const res of call.listeners) res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  const enter = (call: Call, id: string | undefined) => {
    while (id) {
      const block: Block | undefined = call.blocks[id];
      if (!block) break;
      call.currentBlockId = id;
      emit(call, 'blockEntered', { blockId: id, blockType: block.type });
      const entry = {
        seq: call.seq,
        blockId: id,
        blockType: block.type,
        phase: 'selfService',
        enteredAt: new Date().toISOString(),
        durationMs: 0,
        outcome: null as string | null,
        variableChanges: {},
      };
      call.trace.push(entry);
      const prompts = (block.properties.prompts ?? []) as { value: string }[];
      for (const p of prompts) {
        call.prompts.push({ seq: call.seq, blockId: id, text: p.value });
        emit(call, 'prompt', { blockId: id, text: p.value });
      }
      if (block.type === 'menu') {
        call.state = 'waitingInput';
        call.pendingInput = {
          kind: 'digits',
          minDigits: 1,
          maxDigits: 1,
          terminator: null,
          timeoutSeconds: 5,
        };
        emit(call, 'inputRequested', { blockId: id, request: call.pendingInput });
        return;
      }
      if (block.type === 'terminate-call') break;
      entry.outcome = 'next';
      id = block.next.next;
    }
    call.state = 'ended';
    call.currentBlockId = null;
    call.pendingInput = null;
    call.endReason = 'completed';
    emit(call, 'ended', { reason: 'completed' });
  };

  return {
    handle(
      req: IncomingMessage,
      res: ServerResponse,
      path: string,
      body: Record<string, unknown>,
      numbers: Map<string, string>,
      problem: Problem,
      send: Send,
    ) {
      if (path === '/api/v1/test-calls' && req.method === 'POST') {
        const applicationId = (body.applicationId as string) ?? numbers.get(body.dnis as string);
        const draft = applicationId ? draftOf(applicationId) : undefined;
        if (!draft?.live) return problem(res, 404, 'NOT_PUBLISHED', 'No live version.');
        const app = draft.versions[draft.live - 1]!.application as {
          blocks: Record<string, Block>;
          phases: Record<string, string>;
        };
        const call: Call = {
          id: `call-${calls.size + 1}`,
          state: 'running',
          applicationId: applicationId!,
          version: draft.live,
          ani: body.ani as string,
          dnis: (body.dnis as string) ?? null,
          currentBlockId: null,
          currentPhase: 'selfService',
          pendingInput: null,
          prompts: [],
          variables: { ANI: body.ani },
          trace: [],
          endReason: null,
          error: null,
          blocks: app.blocks,
          listeners: new Set(),
          seq: 0,
        };
        calls.set(call.id, call);
        // Like the runtime, the call starts running at once; events reach late subscribers through GET.
        setTimeout(() => enter(call, app.phases.selfService), 200);
        return send(res, 201, publicView(call));
      }
      const match = /^\/api\/v1\/test-calls\/([^/]+)(\/.*)?$/.exec(path);
      const call = match && calls.get(match[1]!);
      if (!call) return problem(res, 404, 'NOT_FOUND', 'No such call.');
      const rest = match[2] ?? '';
      if (rest === '/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write(': connected\n\n');
        call.listeners.add(res);
        req.on('close', () => call.listeners.delete(res));
        return;
      }
      if (rest === '/dtmf' && call.state === 'waitingInput') {
        const digits = body.digits as string;
        const block = call.blocks[call.currentBlockId!]!;
        const outcome = `option:${digits}`;
        call.trace.at(-1)!.outcome = block.next[outcome] ? outcome : 'noMatch';
        emit(call, 'inputReceived', { blockId: call.currentBlockId, digits });
        call.pendingInput = null;
        call.state = 'running';
        enter(call, block.next[outcome]);
      }
      if (rest === '/hangup') {
        call.state = 'ended';
        call.endReason = 'hangup';
        emit(call, 'ended', { reason: 'hangup' });
      }
      return send(res, 200, publicView(call));
    },
  };
}
