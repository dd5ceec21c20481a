/** How often the Monitor tab reads its figures again. */
export const REFRESH_MS = 5000;
