/** The directory side: network, TLS and credential failures and what to check, the lock, credentials. */
export const DIRECTORY_MESSAGES = {
  'directory.next.lookUp': { en: 'a look-up', 'zh-CN': '一次查询' },
  'directory.next.try': { en: 'try {n} of {max}', 'zh-CN': '第 {n} 次尝试（共 {max} 次）' },
} as const;
