/** Block ids must match ^[A-Za-z][A-Za-z0-9_-]{0,63}$ (application.schema.json). */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newBlockId(taken: (id: string) => boolean, random: () => number = Math.random): string {
  for (;;) {
    let suffix = '';
    for (let i = 0; i < 6; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)];
    const id = `b_${suffix}`;
    if (!taken(id)) return id;
  }
}
