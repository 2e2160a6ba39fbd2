/*
 * Autosave must not mark as saved what it never sent.
 *
 * Wagtail's editor (w-autosave with w-unsaved) posts the form in the background and, when the answer comes,
 * takes a new picture of the form as "saved" (w-unsaved#clear). Whatever was typed while the request was on its
 * way is in that picture but was not in the request: if the edit check had not yet fired, those words are never
 * autosaved and leaving the page no longer warns. On a slow connection this loses the last words a person typed.
 *
 * Here the picture of what was sent is kept at the moment the request is built (w-autosave:save), and once the
 * answer has cleared the form, the "saved" state is set back to that picture: anything typed meanwhile counts as
 * an edit again, so it is autosaved next and the leave-page warning still holds. Wagtail offers no setting for
 * this; the controllers' own state (initialFormData, hasEditsValue) is what w-unsaved compares against.
 */
(() => {
  const sent = new WeakMap();
  const unsavedFor = (form) => {
    const app = window.wagtail && window.wagtail.app;
    return app ? app.getControllerForElementAndIdentifier(form, "w-unsaved") : null;
  };

  // Both listeners are on the document: the form's own actions (w-unsaved#clear on success) have run by then.
  document.addEventListener("w-autosave:save", (event) => {
    const unsaved = unsavedFor(event.target);
    if (unsaved && !event.defaultPrevented) sent.set(event.target, unsaved.formData);
  });

  document.addEventListener("w-autosave:success", (event) => {
    const form = event.target;
    const unsaved = unsavedFor(form);
    const data = sent.get(form);
    sent.delete(form);
    if (!unsaved || data === undefined || unsaved.formData === data) return;
    unsaved.initialFormData = data;
    unsaved.previousFormData = data;
    unsaved.hasEditsValue = true; // w-unsaved notifies w-autosave, which saves what was typed meanwhile
  });
})();
