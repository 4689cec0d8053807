/**
 * Stopping a form and coming back to it: /cancel (go on, keep for later, or
 * delete), "continue or leave?" when another command comes in the middle, a
 * deletion that first says what will be lost, and "Điền tiếp", which goes
 * back to where the form was, still going where it was going next (a
 * profile on the way to an application goes on into the application).
 */
import { InlineKeyboard } from "grammy";
import {
  closeForm,
  type FormStep,
  loadStep,
  pauseForm,
  questionContext,
  resumeForm as resumeInEngine,
} from "../../forms/engine.ts";
import { applicableQuestions } from "../../forms/progress.ts";
import type { AnyFormDefinition } from "../../forms/types.ts";
import type { BotContext } from "../context.ts";
import { formNameKey, replyWithMainMenu } from "../main-menu.ts";
import { formInterruptCallback } from "./callbacks.ts";
import {
  forgetOpenForm,
  formServices,
  hasActiveForm,
  presentOpenForm,
  repeatCurrentStep,
  requireUserId,
} from "./flow.ts";
import { tHtml } from "./prompt.ts";

type InterruptAction = Parameters<typeof formInterruptCallback.pack>[0]["action"];

/** "thông tin cơ sở", "hồ sơ đề nghị hỗ trợ": what the person is filling in, in their language. */
const formName = (ctx: BotContext, kind: string): string =>
  ctx.t(formNameKey(ctx.deps.forms.get(kind)));

function controls(
  ctx: BotContext,
  token: string,
  buttons: [labelKey: string, action: InterruptAction][],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  buttons.forEach(([labelKey, action], index) => {
    if (index > 0) keyboard.row();
    keyboard.text(ctx.t(labelKey), formInterruptCallback.pack({ token, action }));
  });
  return keyboard;
}

/** Keeps the draft and its place, and closes the form for now; "Điền tiếp" brings it back. */
export async function leaveForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const kind = ctx.user?.openForm?.kind ?? "";
  await ctx.conversation.exitAll();
  await pauseForm(ctx.deps.db, userId);
  if (ctx.user?.openForm) ctx.user.openForm = { ...ctx.user.openForm, paused: true };
  await replyWithMainMenu(ctx, (resume) =>
    ctx.t("form-kept", {
      form: formName(ctx, kind),
      resume: resume?.button ?? ctx.t("menu-resume-default"),
    }),
  );
}

/** "Điền tiếp": the paused form where it was, else the first draft left; nothing: say so. */
export async function resumeForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  if (hasActiveForm(ctx)) {
    await repeatCurrentStep(ctx);
    return;
  }
  const step = await resumeInEngine(formServices(ctx), userId);
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("resume-nothing"));
    return;
  }
  await presentOpenForm(ctx, {
    notices: [{ key: "form-resumed", vars: { form: formName(ctx, step.openForm.kind) } }],
    removeReplyKeyboard: true,
  });
}

/** Whether the open form has a draft to delete (a finished profile being edited has none). */
function deletable(
  definition: AnyFormDefinition | undefined,
  step: FormStep | undefined,
): definition is AnyFormDefinition {
  return (
    step !== undefined &&
    definition?.discard !== undefined &&
    definition.isDraft?.(step.record) !== false
  );
}

/** /cancel in a form: go on, keep it for later, or delete it. Editing a finished record simply stops. */
export async function askCancelForm(ctx: BotContext): Promise<void> {
  const form = ctx.user?.openForm;
  if (!form) return;
  const userId = requireUserId(ctx);
  await ctx.conversation.exitAll();
  const step = await loadStep(formServices(ctx), userId);
  const definition = step && ctx.deps.forms.get(step.openForm.kind);
  if (!deletable(definition, step)) {
    await closeForm(ctx.deps.db, userId);
    forgetOpenForm(ctx);
    await replyWithMainMenu(ctx, ctx.t("form-edit-stopped"));
    return;
  }
  await ctx.reply(ctx.t("form-cancel-question", { form: formName(ctx, form.kind) }), {
    reply_markup: controls(ctx, form.promptToken, [
      ["form-continue", "continue"],
      ["form-cancel-keep", "keep"],
      ["form-cancel-delete", "delete"],
    ]),
  });
}

/** Another command or menu button in the middle of a form. */
export async function askContinueOrLeave(ctx: BotContext): Promise<void> {
  const form = ctx.user?.openForm;
  if (!form) return;
  await ctx.reply(ctx.t("form-open-question", { form: formName(ctx, form.kind) }), {
    reply_markup: controls(ctx, form.promptToken, [
      ["form-continue", "continue"],
      ["form-leave", "leave"],
    ]),
  });
}

/** Before a draft is deleted: what will be lost, by name and by the number of answers. */
export async function confirmDeletion(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const form = ctx.user?.openForm;
  const step = await loadStep(formServices(ctx), userId);
  const definition = step && ctx.deps.forms.get(step.openForm.kind);
  if (!form || !step || !deletable(definition, step)) {
    await repeatCurrentStep(ctx);
    return;
  }
  const context = questionContext(ctx.deps, step);
  const answered = applicableQuestions(definition, step.record, context).filter((question) =>
    question.isAnswered(step.record),
  ).length;
  const name = definition.draftName?.(step.record) ?? "";
  await ctx.reply(
    tHtml(ctx, "form-delete-confirm", {
      form: formName(ctx, form.kind),
      name,
      named: name === "" ? "no" : "yes",
      answered,
    }),
    {
      parse_mode: "HTML",
      reply_markup: controls(ctx, form.promptToken, [
        ["form-delete-yes", "delete-yes"],
        ["form-delete-no", "continue"],
      ]),
    },
  );
}

/** Deletes the open draft, once confirmed. */
export async function deleteOpenDraft(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const kind = ctx.user?.openForm?.kind ?? "";
  await ctx.conversation.exitAll();
  const step = await loadStep(formServices(ctx), userId);
  const definition = step && ctx.deps.forms.get(step.openForm.kind);
  if (step && definition?.discard) {
    await definition.discard(
      ctx.deps.db,
      { recordId: step.openForm.recordId, userId },
      step.record,
    );
  }
  await closeForm(ctx.deps.db, userId);
  forgetOpenForm(ctx);
  await replyWithMainMenu(ctx, ctx.t("form-deleted", { form: formName(ctx, kind) }));
}
