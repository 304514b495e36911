/**
 * What the simulated page renders: plain JSON, built in Node (with freshly signed URLs) and
 * handed to the in-page app, either embedded in the HTML or fetched from `/__sim/render`.
 */

export interface RenderFrame {
  src: string;
  alt: string;
  /** `placeholder`: blurred copy behind the final; `partial`: a progressive frame (its own file id). */
  role: 'placeholder' | 'partial' | 'final';
  width: number;
  height: number;
  /** The page fetches `src` itself and shows it as a `blob:` URL (GptImageOptions.finalSrc 'blob'). */
  blob?: boolean;
  /** Rendered as `data-file-id` on the `<img>`. */
  dataFileId?: string;
}

export interface RenderTile {
  /** `imagegen`: 2025–26 markup (`div[id^=image-].group/imagegen-image`); `dalle`: DALL·E-era markup. */
  kind: 'imagegen' | 'dalle';
  domId: string;
  fileId: string;
  frames: RenderFrame[];
}

export interface RenderTurn {
  /** Stable key: `data-testid="conversation-turn-{index}"` uses its position instead. */
  key: string;
  role: 'user' | 'assistant';
  /** `data-message-id`: the tool message for image turns, else the message itself. */
  messageId: string;
  text: string;
  tiles: RenderTile[];
  uploads: { src: string; alt: string; width: number; height: number }[];
  search: { src: string; title: string; width: number; height: number }[];
  /** Custom GPT icon shown beside assistant turns. */
  gizmoIcon: string | null;
  failed: boolean;
  /** Still generating: stop button shown, final frames missing. */
  generating: boolean;
}

export interface RenderModel {
  path: string;
  conversationId: string | null;
  title: string;
  notFound: boolean;
  turns: RenderTurn[];
  sidebar: { path: string; title: string }[];
  /** Render only the last N turns (lazy rendering, docs/chatgpt.md §Pages and URLs); null: all. */
  lazyTurns: number | null;
  avatarSrc: string;
  gizmoIcon: string | null;
}
