export const FORM_CONVERSATION = "form";
