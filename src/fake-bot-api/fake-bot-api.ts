import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { checkCallbackAnswer, checkReplyMarkup, checkText } from "./telegram-rules.ts";

/**
 * A stand-in for the Telegram Bot API, for tests, `npm run chat` and the
 * benchmarks. It records every call, answers with realistic objects, and
 * refuses what Telegram refuses (too-long text, bad HTML, callback data over
 * 64 bytes, blocked users, rate limits), with Telegram's own error codes.
 *
 * Plug it in through grammY's client options (`fetch` in process, or
 * `apiRoot` pointing at `listen()`): both reach inside conversations, which
 * `bot.api.config.use` transformers do not.
 */

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** Telegram's answer: the result, or the error it gave */
  ok: boolean;
  result?: unknown;
  errorCode?: number;
  description?: string;
  at: number;
}

export interface RateLimits {
  /** messages a second over all chats (Telegram: about 30) */
  globalPerSecond: number;
  /** messages a second into one chat (Telegram: about 1, short bursts tolerated) */
  perChatPerSecond: number;
}

export interface FakeBotApiOptions {
  botId?: number;
  botUsername?: string;
  /** enforce Telegram's flood limits with 429 and retry_after; off by default so flow tests can burst */
  rateLimits?: RateLimits;
  /** the clock of the rate limiter */
  now?: () => number;
}

export interface StoredMessage {
  message_id: number;
  chat_id: number;
  text?: string;
  caption?: string;
  parse_mode?: string;
  reply_markup?: unknown;
  kind: "text" | "document" | "photo";
  document?: { file_name?: string; file_id: string; bytes?: Uint8Array };
}

const SENDING_METHODS = new Set([
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "copyMessage",
  "forwardMessage",
  "sendMediaGroup",
]);

type Answer =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after: number } };

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  readonly botInfo;
  /** messages the bot has in each chat, by id, as currently shown (after edits) */
  readonly messages = new Map<number, StoredMessage>();
  private readonly blocked = new Set<number>();
  private readonly pendingUpdates: unknown[] = [];
  private updateWaiters: (() => void)[] = [];
  private nextMessageId = 1;

  /**
   * The id of a message a person sends: Telegram numbers a private chat's
   * messages both ways in one sequence (here one sequence for all chats,
   * which keeps each chat's order too), and the bot relies on it.
   */
  allocateMessageId(): number {
    return this.nextMessageId++;
  }

  /** Numbers messages from here on (a chat that goes on over restarts of the fake never goes back). */
  startMessageIdsAt(id: number): void {
    this.nextMessageId = Math.max(this.nextMessageId, id);
  }
  private nextFileId = 1;
  private readonly rateLimits: RateLimits | undefined;
  private readonly now: () => number;
  private readonly sentGlobal: number[] = [];
  private readonly sentPerChat = new Map<number, number[]>();
  /** counts of 429 answers given, for the benchmarks */
  tooManyRequests = 0;
  /** listeners told of every successful call (the chat tool prints from here) */
  private readonly listeners: ((call: ApiCall) => void)[] = [];
  /** set to make the next calls of a method fail, e.g. a 502 or a network error */
  private readonly injectedFailures: {
    method: string;
    code: number;
    description: string;
    retryAfter?: number;
  }[] = [];

  constructor(options: FakeBotApiOptions = {}) {
    this.botInfo = {
      id: options.botId ?? 7_000_000_001,
      is_bot: true as const,
      first_name: "Khuyến công",
      username: options.botUsername ?? "khuyen_cong_test_bot",
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
    };
    this.rateLimits = options.rateLimits;
    this.now = options.now ?? Date.now;
  }

  /** A user blocks the bot: every later send to them answers 403. */
  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblock(chatId: number): void {
    this.blocked.delete(chatId);
  }

  /** The next `times` calls of `method` fail; `retryAfter` (seconds) goes with a 429 as Telegram sends it. */
  failNext(
    method: string,
    code: number,
    description: string,
    times = 1,
    retryAfter?: number,
  ): void {
    for (let i = 0; i < times; i++) {
      this.injectedFailures.push(
        retryAfter === undefined
          ? { method, code, description }
          : { method, code, description, retryAfter },
      );
    }
  }

  onCall(listener: (call: ApiCall) => void): void {
    this.listeners.push(listener);
  }

  /** For polling (e2e, chat tool): queue an update that the next getUpdates returns. */
  pushUpdate(update: unknown): void {
    this.pendingUpdates.push(update);
    const waiters = this.updateWaiters;
    this.updateWaiters = [];
    for (const wake of waiters) wake();
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The grammY client `fetch` option: answers in process, no sockets. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.split("/").pop() ?? "";
    const params = await readParams(init?.body, headerValue(init?.headers, "content-type"));
    const answer = await this.call(method, params, init?.signal ?? undefined);
    return new Response(JSON.stringify(answer), {
      status: answer.ok ? 200 : answer.error_code,
      headers: { "content-type": "application/json" },
    });
  };

  /** Serves the Bot API over HTTP at /bot<token>/<method>, for a bot in another process. */
  async listen(port = 0, host = "127.0.0.1"): Promise<{ url: string; close: () => Promise<void> }> {
    const server: Server = createServer((request, response) => {
      void (async () => {
        try {
          const method = (request.url ?? "").split("?")[0]?.split("/").pop() ?? "";
          const body = await readRequestBody(request);
          const params = await readParams(
            body.length ? body : undefined,
            request.headers["content-type"],
          );
          const answer = await this.call(method, params);
          response.writeHead(answer.ok ? 200 : answer.error_code, {
            "content-type": "application/json",
          });
          response.end(JSON.stringify(answer));
        } catch (error) {
          response.writeHead(500, { "content-type": "application/json" });
          response.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
        }
      })();
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const address = server.address() as AddressInfo;
    return {
      url: `http://${host}:${address.port}`,
      close: () =>
        new Promise<void>((resolve) => {
          for (const wake of this.updateWaiters) wake();
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  async call(
    method: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<Answer> {
    const at = this.now();
    try {
      const result = await this.dispatch(method, params, signal);
      const call: ApiCall = { method, params, ok: true, result, at };
      this.calls.push(call);
      for (const listener of this.listeners) listener(call);
      return { ok: true, result };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.calls.push({
        method,
        params,
        ok: false,
        errorCode: error.code,
        description: error.description,
        at,
      });
      return error.retryAfter === undefined
        ? { ok: false, error_code: error.code, description: error.description }
        : {
            ok: false,
            error_code: error.code,
            description: error.description,
            parameters: { retry_after: error.retryAfter },
          };
    }
  }

  private async dispatch(
    method: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const injected = this.injectedFailures.findIndex((failure) => failure.method === method);
    if (injected !== -1) {
      const [failure] = this.injectedFailures.splice(injected, 1);
      if (failure) throw new ApiError(failure.code, failure.description, failure.retryAfter);
    }
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "getUpdates":
        return this.getUpdates(params, signal);
      case "setMyCommands":
      case "deleteMyCommands":
      case "setMyDescription":
      case "setMyShortDescription":
      case "deleteWebhook":
      case "setWebhook":
      case "sendChatAction":
      case "setChatMenuButton":
        return true;
      case "answerCallbackQuery": {
        const problem = checkCallbackAnswer(params.text);
        if (problem) throw new ApiError(400, problem);
        return true;
      }
      case "sendMessage":
        return this.sendMessage(params);
      case "sendDocument":
      case "sendPhoto":
        return this.sendFile(method, params);
      case "sendMediaGroup":
        return this.sendMediaGroup(params);
      case "editMessageText":
        return this.editMessageText(params);
      case "editMessageReplyMarkup":
        return this.editMessageReplyMarkup(params);
      case "deleteMessage": {
        const message = this.messages.get(Number(params.message_id));
        if (!message) throw new ApiError(400, "Bad Request: message to delete not found");
        this.messages.delete(message.message_id);
        return true;
      }
      case "getFile":
        return {
          file_id: params.file_id,
          file_unique_id: `u${String(params.file_id)}`,
          file_size: 1024,
        };
      default:
        return true;
    }
  }

  private async getUpdates(
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<unknown[]> {
    const offset = Number(params.offset ?? 0);
    const timeoutSeconds = Number(params.timeout ?? 0);
    const take = () => {
      while (
        this.pendingUpdates.length > 0 &&
        (this.pendingUpdates[0] as { update_id: number }).update_id < offset
      ) {
        this.pendingUpdates.shift();
      }
      return this.pendingUpdates.slice(0, Number(params.limit ?? 100));
    };
    let updates = take();
    if (updates.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(timeoutSeconds, 2) * 1000);
        signal?.addEventListener("abort", () => resolve(), { once: true });
        this.updateWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      updates = take();
    }
    return updates;
  }

  private checkSendable(method: string, chatId: number): void {
    if (this.blocked.has(chatId)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    if (!this.rateLimits || !SENDING_METHODS.has(method)) return;
    const now = this.now();
    const windowStart = now - 1000;
    while (this.sentGlobal.length > 0 && (this.sentGlobal[0] ?? 0) <= windowStart)
      this.sentGlobal.shift();
    const perChat = this.sentPerChat.get(chatId) ?? [];
    while (perChat.length > 0 && (perChat[0] ?? 0) <= windowStart) perChat.shift();
    const overGlobal = this.sentGlobal.length >= this.rateLimits.globalPerSecond;
    const overChat = perChat.length >= this.rateLimits.perChatPerSecond;
    if (overGlobal || overChat) {
      this.tooManyRequests++;
      const oldest = overChat ? (perChat[0] ?? now) : (this.sentGlobal[0] ?? now);
      const retryAfter = Math.max(1, Math.ceil((oldest + 1000 - now) / 1000));
      throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
    }
    this.sentGlobal.push(now);
    perChat.push(now);
    this.sentPerChat.set(chatId, perChat);
  }

  private chatIdOf(params: Record<string, unknown>): number {
    const chatId = Number(params.chat_id);
    if (!Number.isFinite(chatId)) throw new ApiError(400, "Bad Request: chat not found");
    return chatId;
  }

  private messageObject(stored: StoredMessage): Record<string, unknown> {
    const base: Record<string, unknown> = {
      message_id: stored.message_id,
      date: Math.floor(this.now() / 1000),
      chat: {
        id: stored.chat_id,
        type: stored.chat_id > 0 ? "private" : "group",
        first_name: "User",
      },
      from: {
        id: this.botInfo.id,
        is_bot: true,
        first_name: this.botInfo.first_name,
        username: this.botInfo.username,
      },
    };
    if (stored.text !== undefined) base.text = stored.text;
    if (stored.caption !== undefined) base.caption = stored.caption;
    if (
      stored.reply_markup &&
      (stored.reply_markup as { inline_keyboard?: unknown }).inline_keyboard
    ) {
      base.reply_markup = stored.reply_markup;
    }
    if (stored.document) {
      base.document = {
        file_id: stored.document.file_id,
        file_unique_id: `u${stored.document.file_id}`,
        file_name: stored.document.file_name,
      };
    }
    return base;
  }

  private sendMessage(params: Record<string, unknown>): unknown {
    const chatId = this.chatIdOf(params);
    const problem =
      checkText(params.text, params.parse_mode, "text") ?? checkReplyMarkup(params.reply_markup);
    if (problem) throw new ApiError(400, problem);
    this.checkSendable("sendMessage", chatId);
    const stored: StoredMessage = {
      message_id: this.nextMessageId++,
      chat_id: chatId,
      text: params.text as string,
      parse_mode: params.parse_mode as string | undefined,
      reply_markup: parseMarkup(params.reply_markup),
      kind: "text",
    };
    this.messages.set(stored.message_id, stored);
    return this.messageObject(stored);
  }

  /** An album: 2–10 photos or documents, one message each, sent together. */
  private sendMediaGroup(params: Record<string, unknown>): unknown[] {
    const chatId = Number(params.chat_id);
    this.checkSendable("sendMediaGroup", chatId);
    const media = (typeof params.media === "string" ? JSON.parse(params.media) : params.media) as {
      type: string;
      media: string;
      caption?: string;
    }[];
    if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
      throw new ApiError(400, "Bad Request: wrong number of media in the album (2-10)");
    }
    return media.map((item) => {
      const message: StoredMessage = {
        message_id: this.nextMessageId++,
        chat_id: chatId,
        kind: item.type === "photo" ? "photo" : "document",
        ...(item.caption ? { caption: item.caption } : {}),
        document: { file_id: item.media },
      };
      this.messages.set(message.message_id, message);
      return { message_id: message.message_id, date: 0, chat: { id: chatId, type: "private" } };
    });
  }

  private sendFile(method: string, params: Record<string, unknown>): unknown {
    const chatId = this.chatIdOf(params);
    const field = method === "sendPhoto" ? "photo" : "document";
    const file = params[field];
    if (file === undefined)
      throw new ApiError(400, `Bad Request: there is no ${field} in the request`);
    const problem =
      checkText(params.caption, params.parse_mode, "caption") ??
      checkReplyMarkup(params.reply_markup);
    if (problem) throw new ApiError(400, problem);
    this.checkSendable(method, chatId);
    const upload = file instanceof UploadedFile ? file : undefined;
    const stored: StoredMessage = {
      message_id: this.nextMessageId++,
      chat_id: chatId,
      caption: params.caption as string | undefined,
      parse_mode: params.parse_mode as string | undefined,
      reply_markup: parseMarkup(params.reply_markup),
      kind: method === "sendPhoto" ? "photo" : "document",
      document: {
        file_id: upload ? `file-${this.nextFileId++}` : String(file),
        file_name: upload?.name,
        bytes: upload?.bytes,
      },
    };
    this.messages.set(stored.message_id, stored);
    return this.messageObject(stored);
  }

  private findEditable(params: Record<string, unknown>): StoredMessage {
    const chatId = this.chatIdOf(params);
    const message = this.messages.get(Number(params.message_id));
    if (!message || message.chat_id !== chatId)
      throw new ApiError(400, "Bad Request: message to edit not found");
    return message;
  }

  private editMessageText(params: Record<string, unknown>): unknown {
    const message = this.findEditable(params);
    const problem =
      checkText(params.text, params.parse_mode, "text") ?? checkReplyMarkup(params.reply_markup);
    if (problem) throw new ApiError(400, problem);
    const markup = parseMarkup(params.reply_markup);
    if (
      message.text === params.text &&
      JSON.stringify(message.reply_markup) === JSON.stringify(markup)
    ) {
      throw new ApiError(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    message.text = params.text as string;
    message.parse_mode = params.parse_mode as string | undefined;
    message.reply_markup = markup;
    return this.messageObject(message);
  }

  private editMessageReplyMarkup(params: Record<string, unknown>): unknown {
    const message = this.findEditable(params);
    const problem = checkReplyMarkup(params.reply_markup);
    if (problem) throw new ApiError(400, problem);
    const markup = parseMarkup(params.reply_markup);
    if (JSON.stringify(message.reply_markup) === JSON.stringify(markup)) {
      throw new ApiError(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    message.reply_markup = markup;
    return this.messageObject(message);
  }
}

/** A file the bot uploaded (multipart), kept so tests can open e.g. the Excel export. */
export class UploadedFile {
  constructor(
    readonly name: string,
    readonly bytes: Uint8Array,
  ) {}
}

function parseMarkup(markup: unknown): unknown {
  if (typeof markup === "string") return JSON.parse(markup);
  return markup;
}

function headerValue(
  headers: RequestInit["headers"] | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (Array.isArray(headers)) return headers.find(([key]) => key?.toLowerCase() === name)?.[1];
  const record = headers as Record<string, string>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  return key ? record[key] : undefined;
}

async function readRequestBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function collect(body: unknown): Promise<Buffer> {
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  }
  if (body instanceof ReadableStream) {
    return Buffer.from(await new Response(body).arrayBuffer());
  }
  return Buffer.alloc(0);
}

async function readParams(
  body: unknown,
  contentType: string | undefined,
): Promise<Record<string, unknown>> {
  if (body === undefined || body === null) return {};
  const bytes = await collect(body);
  if (bytes.length === 0) return {};
  if (contentType?.startsWith("multipart/form-data")) {
    const params: Record<string, unknown> = {};
    for (const part of parseMultipart(bytes, contentType)) {
      if (part.fileName === undefined) {
        const value = part.body.toString("utf8");
        // grammY sends objects in multipart fields as JSON
        params[part.name] = /^[[{]/.test(value) ? JSON.parse(value) : value;
      } else {
        params[part.name] = new UploadedFile(part.fileName, new Uint8Array(part.body));
      }
    }
    // grammY refers to uploads as attach://<field>: resolve them
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === "string" && value.startsWith("attach://")) {
        params[key] = params[value.slice("attach://".length)];
      }
    }
    return params;
  }
  return JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
}

/**
 * A lenient multipart/form-data reader. grammY writes part headers as
 * `content-disposition:form-data;name="x";filename=a.xlsx` (no space, file
 * name unquoted), which Telegram accepts and undici's FormData parser refuses.
 */
function parseMultipart(
  bytes: Buffer,
  contentType: string,
): { name: string; fileName?: string; body: Buffer }[] {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (!boundary) throw new ApiError(400, "Bad Request: multipart boundary missing");
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { name: string; fileName?: string; body: Buffer }[] = [];
  let at = bytes.indexOf(delimiter);
  while (at !== -1) {
    let start = at + delimiter.length;
    if (bytes.subarray(start, start + 2).toString() === "--") break;
    if (bytes.subarray(start, start + 2).toString() === "\r\n") start += 2;
    const next = bytes.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (bytes.subarray(end - 2, end).toString() === "\r\n") end -= 2;
    const part = bytes.subarray(start, end);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd === -1 ? 0 : headerEnd).toString("utf8");
    const disposition =
      headers.split("\r\n").find((line) => /^content-disposition\s*:/i.test(line)) ?? "";
    const name = /;\s*name=(?:"([^"]*)"|([^;\s]+))/i.exec(disposition);
    const fileName = /;\s*filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(disposition);
    const fieldName = name?.[1] ?? name?.[2];
    if (fieldName !== undefined) {
      const body = headerEnd === -1 ? Buffer.alloc(0) : part.subarray(headerEnd + 4);
      const file = fileName?.[1] ?? fileName?.[2]?.trim();
      parts.push(
        file === undefined ? { name: fieldName, body } : { name: fieldName, fileName: file, body },
      );
    }
    at = next;
  }
  return parts;
}
