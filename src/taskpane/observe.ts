/**
 * The pane's reactivity: FAST's observables (the engine under the Fluent UI web components,
 * already in the bundle). A model property made observable here notifies the template
 * bindings that read it, and only those: a co-author's save that changes one value updates one
 * input, nothing else is rebuilt. Arrays shown with `repeat` are changed in place by
 * `syncArray`, which FAST turns into the smallest set of splices, so rows that stay keep their
 * DOM (focus, caret, what is typed).
 *
 * Imported by subpath so the models load in Node for their tests (the package index touches
 * `document` when loaded).
 */
import { ArrayObserver } from "@microsoft/fast-element/arrays.js";
import { Observable } from "@microsoft/fast-element/observable.js";

ArrayObserver.enable();

/** Makes `names` observable properties of instances of `type` (declare them with `declare`). */
export function observe(type: { prototype: object }, ...names: string[]): void {
  for (const name of names) Observable.defineProperty(type.prototype, name);
}

/**
 * Call first in a getter whose observable reads depend on a branch (`a ? b : c`, `a ?? b`):
 * FAST records a binding's dependencies once unless the binding is volatile, and it can only
 * see branches written in the binding itself, not inside a getter it calls.
 */
export function branches(): void {
  Observable.trackVolatile();
}

/**
 * Makes `target` hold `next`'s items in order, in place: unchanged arrays are not touched, and
 * items present before and after keep their views (FAST computes the minimal splices by
 * identity), so keyed models (one object per assumption key) behave as keyed rows.
 */
export function syncArray<T>(target: T[], next: readonly T[]): void {
  if (target.length === next.length && target.every((item, i) => item === next[i])) return;
  target.splice(0, target.length, ...next);
}
