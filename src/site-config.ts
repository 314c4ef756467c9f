/** Editorial switches, in one place. */
export const editorial = {
  /**
   * Show entries marked 待审 (awaiting review) in the production site, labelled as such.
   * Off: only 已发布 entries are published. Drafts (草稿) are never published.
   */
  showPending: false,
  /** Entries not reviewed for this many years are listed on /backlog/ as due for review. */
  reviewAfterYears: 2,
};
