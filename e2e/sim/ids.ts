/** Id shapes used by ChatGPT (docs/chatgpt.md §Pages and URLs, §Conversation JSON), drawn from a seeded PRNG so runs repeat. */
import { prng } from './images';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class Ids {
  private readonly rnd: () => number;
  constructor(seed: number) {
    this.rnd = prng(seed);
  }
  private pick(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.rnd() * alphabet.length)];
    return s;
  }
  hex(n: number): string {
    return this.pick('0123456789abcdef', n);
  }
  base62(n: number): string {
    return this.pick(B62, n);
  }
  /** RFC 4122-shaped v4 uuid. */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
  /** Legacy DALL·E file id: `file-{base62}`. */
  dalleFileId(): string {
    return `file-${this.base62(24)}`;
  }
  /** Current file id: `file_00000000{hex}` (sediment pointers, uploads). */
  sedimentFileId(): string {
    return `file_00000000${this.hex(24)}`;
  }
  /** A 16-character generation id like `IhqIYwGXKd1cDQxE`. */
  genId(): string {
    return this.base62(16);
  }
  int(max: number): number {
    return Math.floor(this.rnd() * max);
  }
}
