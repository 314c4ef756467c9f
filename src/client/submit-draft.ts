/** Where the /submit/ form is saved between visits (this browser only); read before the checker loads. */
export const DRAFT_KEY = 'gongzuofa.submit.form';
