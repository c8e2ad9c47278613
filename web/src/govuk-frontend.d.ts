// The parts of govuk-frontend's JavaScript the web app starts (the package ships no type declarations).
declare module 'govuk-frontend' {
  /** The service navigation: folds the menu behind its "Menu" button on narrow screens. */
  export class ServiceNavigation {
    constructor(root: Element | null);
  }
  /** The skip link: moves focus to the main content and styles it while focused. */
  export class SkipLink {
    constructor(root: Element | null);
  }
}
