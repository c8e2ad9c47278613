import type { Action } from 'svelte/action';

/*
 * Form fields that keep what people type before the page's JavaScript has loaded.
 *
 * `value={x}` on an input makes Svelte write the field when the page hydrates, wiping anything typed
 * while the JavaScript was still loading (slow phones, slow networks). Instead:
 *   <input defaultValue={x} use:syncValue={x} />        (inputs)
 *   <textarea value={browser ? undefined : x} defaultValue={x} use:syncValue={x}></textarea>
 *   <input type="checkbox" defaultChecked={c} use:syncChecked={c} />
 * The server renders `defaultValue`/`defaultChecked` as the value/checked attribute; hydration only sets the
 * default, which leaves a field someone has changed alone; these actions write the field when the data
 * changes afterwards (a form action's result, a navigation), like `value={x}` would.
 */

/** Writes the field's value whenever `value` changes after the first render. */
export const syncValue: Action<HTMLInputElement | HTMLTextAreaElement, string> = (node) => ({
  update(value: string) {
    node.value = value;
  },
});

/** Writes the checkbox's or radio's checked state whenever `checked` changes after the first render. */
export const syncChecked: Action<HTMLInputElement, boolean> = (node) => ({
  update(checked: boolean) {
    node.checked = checked;
  },
});
