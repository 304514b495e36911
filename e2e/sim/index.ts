/** The ChatGPT simulator for e2e tests: see docs/testing.md. */
export type {
  ConversationKind,
  ConversationOptions,
  DalleOptions,
  GptImageOptions,
  ImageOptions,
  ModelFamily,
  SimConversation,
  SimImage,
} from './conversation';
export type { FileHost, FileKind, Served, SimFile } from './files';
export { type LibraryItemFlags, SimLibrary } from './library';
export type { SimPageState } from './page-app';
export type { RenderFrame, RenderModel, RenderTile, RenderTurn } from './render-model';
export {
  conversationIdFromPath,
  type Reply,
  type RouteKind,
  SESSION_COOKIE,
  type SimIncoming,
  type SimRequest,
} from './routes';
export {
  type FaultOptions,
  type FaultPreset,
  type GenerateSpec,
  type LiveGeneration,
  type RateLimited,
  type RateLimitOptions,
  Simulator,
  type SimulatorOptions,
  type SimWindow,
} from './simulator';
export { bucketMinimumMs, TokenBucket } from './token-bucket';
