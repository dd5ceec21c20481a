/**
 * Graph algorithms over blocks numbered 0..n-1 with successor lists. Both are iterative:
 * a document may hold 5,000 blocks in one chain, deeper than the call stack allows.
 */

/** Nodes reachable from `start` (included), as a membership array. */
export function reachableFrom(successors: readonly (readonly number[])[], start: number): Uint8Array {
  const reached = new Uint8Array(successors.length);
  const pending = [start];
  reached[start] = 1;
  while (pending.length > 0) {
    for (const next of successors[pending.pop()!]!) {
      if (reached[next] === 1) continue;
      reached[next] = 1;
      pending.push(next);
    }
  }
  return reached;
}

/** Strongly connected components (Tarjan), each listed in discovery order. */
export function stronglyConnectedComponents(successors: readonly (readonly number[])[]): number[][] {
  const count = successors.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const nextEdge = new Int32Array(count);
  const stack: number[] = [];
  const path: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const enter = (node: number) => {
    order[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    path.push(node);
  };

  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const edges = successors[node]!;
      if (nextEdge[node]! < edges.length) {
        const next = edges[nextEdge[node]!++]!;
        if (order[next] === -1) enter(next);
        else if (onStack[next] === 1) low[node] = Math.min(low[node]!, order[next]!);
        continue;
      }
      path.pop();
      const parent = path[path.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[node]!);
      if (low[node] !== order[node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== node);
      components.push(component.reverse());
    }
  }
  return components;
}

/** Whether a component is a cycle: more than one node, or one node linked to itself. */
export function isCycle(component: readonly number[], successors: readonly (readonly number[])[]): boolean {
  if (component.length > 1) return true;
  const only = component[0];
  return only !== undefined && successors[only]!.includes(only);
}
