// Demo payloads in the shape of PROVIDERS.md §5 (GET /v1/users/me/balance), for the demo server.

/** A balance carried by a voucher while cash is overdrawn (cash_balance below zero). */
export function moonshotBalanceBody(): unknown {
  return { code: 0, data: { available_balance: 18.45, voucher_balance: 20, cash_balance: -1.55 }, scode: '0x0', status: true };
}

export const MOONSHOT_UNAUTHORIZED = { error: { message: 'Invalid Authentication', type: 'invalid_authentication_error' } };
