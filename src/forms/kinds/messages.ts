/**
 * One-question forms about an application: an owner's question to the
 * officers ("Hỏi cán bộ"), an officer's reply, and an owner's reason for
 * withdrawing. Each is typed at leisure (the draft survives a restart) and
 * sent as soon as it is answered.
 */
import type { UserRole } from "../../db/schema/index.ts";
import type { AppDependencies } from "../../dependencies.ts";
import { canWithdraw } from "../../domain/application-status.ts";
import { getApplicationDetails } from "../../services/applications/queries.ts";
import { askOfficers, replyToOwner } from "../../services/applications/questions.ts";
import { changeApplicationStatus } from "../../services/applications/review.ts";
import { deleteFormDraft, readFormDraft, writeFormDraft } from "../../services/form-drafts.ts";
import { expectLongText } from "../answer-kit.ts";
import type { FormDefinition, FormRef, StartOutcome, SubmitOutcome } from "../types.ts";

export interface MessageRecord {
  /** the application's id */
  id: number;
  code: string;
  text: string | null;
}
type Patch = Pick<MessageRecord, "text">;

const SKIP = "skip";

interface MessageFormOptions {
  kind: string;
  roles: readonly UserRole[];
  promptKey: string;
  maxLength: number;
  /** the owner may leave it empty (a button says so) */
  optional?: boolean;
  /** who may write about this application */
  mayWrite(application: { ownerId: number; status: string }, userId: number): boolean;
  send(deps: AppDependencies, ref: FormRef, record: MessageRecord): Promise<SubmitOutcome>;
}

function messageForm(
  options: MessageFormOptions,
): FormDefinition<MessageRecord, Patch, Record<string, never>> {
  const { kind } = options;
  return {
    kind,
    roles: options.roles,
    autoSubmit: true,
    questions: [
      {
        id: "text",
        promptKey: options.promptKey,
        // sent as soon as it is answered: there is no summary to show it in
        hiddenInSummary: true,
        promptVars: (record) => ({ code: record.code }),
        choices: () => (options.optional ? [{ value: SKIP, label: { key: "message-skip" } }] : []),
        isAnswered: (record) => record.text !== null,
        accept(input) {
          if (input.kind === "choice") {
            return options.optional && input.value === SKIP
              ? { ok: true, patch: { text: "" } }
              : { ok: false, error: { key: "form-use-buttons" } };
          }
          const checked = expectLongText(input, options.maxLength);
          return checked.ok ? { ok: true, patch: { text: checked.text } } : checked;
        },
        display: (record) => record.text,
      },
    ],
    async load(db, ref) {
      const draft = await readFormDraft<MessageRecord>(db, kind, ref.userId);
      return draft?.id === ref.recordId ? draft : undefined;
    },
    async save(db, ref, patch) {
      const draft = await readFormDraft<MessageRecord>(db, kind, ref.userId);
      if (draft?.id === ref.recordId)
        await writeFormDraft(db, kind, ref.userId, { ...draft, ...patch });
    },
    facts: async () => ({}),
    async start(deps, userId, args): Promise<StartOutcome> {
      const details =
        args.recordId === undefined
          ? undefined
          : await getApplicationDetails(deps.db, { id: args.recordId });
      if (!details || !options.mayWrite(details.application, userId)) {
        return { kind: "refused", message: { key: "message-not-possible" } };
      }
      const record: MessageRecord = {
        id: details.application.id,
        code: details.application.code ?? "",
        text: null,
      };
      await writeFormDraft(deps.db, kind, userId, record);
      return { kind: "open", recordId: record.id };
    },
    async submit(deps, ref, record) {
      const outcome = await options.send(deps, ref, record);
      await deleteFormDraft(deps.db, kind, ref.userId);
      return outcome;
    },
    summary: {
      title: (record) => ({ key: "raw", vars: { text: record.code } }),
      footer: () => ({ key: "raw", vars: { text: "" } }),
      submitLabel: () => ({ key: "message-send" }),
    },
  };
}

export const ownerQuestionForm = messageForm({
  kind: "owner-question",
  roles: ["applicant", "officer", "admin"],
  promptKey: "message-q-owner-question",
  maxLength: 1500,
  mayWrite: (application, userId) => application.ownerId === userId,
  async send(deps, ref, record) {
    const sent = await askOfficers(deps, {
      applicationId: record.id,
      ownerId: ref.userId,
      text: record.text ?? "",
    });
    return sent.ok
      ? { kind: "done", message: { key: "message-question-sent", vars: { code: record.code } } }
      : { kind: "refused", message: { key: "message-not-possible" } };
  },
});

export const officerReplyForm = messageForm({
  kind: "officer-reply",
  roles: ["officer", "admin"],
  promptKey: "message-q-officer-reply",
  maxLength: 1500,
  mayWrite: () => true,
  async send(deps, ref, record) {
    const sent = await replyToOwner(deps, {
      applicationId: record.id,
      officerId: ref.userId,
      text: record.text ?? "",
    });
    return sent.ok
      ? { kind: "done", message: { key: "message-reply-sent", vars: { code: record.code } } }
      : { kind: "refused", message: { key: "message-not-possible" } };
  },
});

export const withdrawalForm = messageForm({
  kind: "withdrawal",
  roles: ["applicant", "officer", "admin"],
  promptKey: "message-q-withdrawal-reason",
  maxLength: 500,
  optional: true,
  mayWrite: (application, userId) =>
    application.ownerId === userId && canWithdraw(application.status as never),
  async send(deps, ref, record) {
    const result = await changeApplicationStatus(deps, {
      id: record.id,
      to: "withdrawn",
      actor: "owner",
      actorId: ref.userId,
      ownerId: ref.userId,
      ...(record.text ? { note: record.text } : {}),
    });
    return result.ok
      ? { kind: "done", message: { key: "withdraw-done", vars: { code: record.code } } }
      : { kind: "refused", message: { key: "withdraw-not-possible" } };
  },
});
