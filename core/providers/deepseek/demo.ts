// Demo payloads in the shape of PROVIDERS.md §5 (GET /user/balance), for the demo server.

/** A CNY balance of granted plus topped-up credit, amounts as strings as DeepSeek sends them. */
export function deepSeekBalanceBody(): unknown {
  return {
    is_available: true,
    balance_infos: [{ currency: 'CNY', total_balance: '86.42', granted_balance: '6.42', topped_up_balance: '80.00' }],
  };
}

export const DEEPSEEK_UNAUTHORIZED = {
  error: { message: 'Authentication Fails, Your api key is invalid', type: 'authentication_error', param: null, code: 'invalid_request_error' },
};
