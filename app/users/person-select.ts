/** The fields that name a person and say how to reach them: what every list of people selects. */
export const personContact = { id: true, fullName: true, phone: true, email: true } as const;
