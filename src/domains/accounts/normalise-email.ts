/** How the users table stores an email address, so that `A@x.org ` and `a@x.org` are one account. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
