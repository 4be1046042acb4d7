/**
 * The directory side: network, TLS and credential failures in our words and
 * what to check, failure lines, the lock, credentials. "Endpoint" is 服务地址
 * throughout; AccessKey ID and Secret keep the console's spelling.
 */
export const DIRECTORY_MESSAGES = {
  // What a retry waits for.
  'directory.next.lookUp': { en: 'a look-up', 'zh-CN': '一次查询' },
  'directory.next.try': { en: 'try {n} of {max}', 'zh-CN': '第 {n} 次尝试（共 {max} 次）' },

  // What happened (explain.ts).
  'directory.says.refused': { en: 'the endpoint refused the connection: nothing listens there', 'zh-CN': '服务地址拒绝连接：该地址上没有服务在监听' },
  'directory.says.reset': { en: 'the connection was reset before the answer came', 'zh-CN': '收到应答前连接被重置' },
  'directory.says.closedWhileSending': { en: 'the connection was closed while the request was sent', 'zh-CN': '发送请求时连接被关闭' },
  'directory.says.aborted': { en: 'the connection was aborted', 'zh-CN': '连接被中止' },
  'directory.says.closedEarly': { en: 'the connection closed before the answer was whole', 'zh-CN': '应答尚未完整，连接就已关闭' },
  'directory.says.timedOut': { en: 'the connection timed out', 'zh-CN': '连接超时' },
  'directory.says.noAnswer': { en: 'no answer within --timeout', 'zh-CN': '在 --timeout 时间内没有应答' },
  'directory.says.noRoute': { en: "no route to the endpoint's host", 'zh-CN': '没有通往服务地址所在主机的路由' },
  'directory.says.networkUnreachable': { en: "the endpoint's network cannot be reached from here", 'zh-CN': '本机无法访问服务地址所在的网络' },
  'directory.says.addressUnusable': { en: "the endpoint's address cannot be used from this machine", 'zh-CN': '本机无法使用服务地址的 IP 地址' },
  'directory.says.notJson': {
    en: "the answer was not the API's (not JSON): a proxy's or gateway's page?",
    'zh-CN': '收到的不是 API 的应答（不是 JSON）：可能是代理或网关返回的页面？',
  },
  'directory.says.hostNotFound': { en: "the endpoint's host name was not found (DNS)", 'zh-CN': '找不到服务地址的主机名（DNS）' },
  'directory.says.dnsNoAnswer': { en: "the endpoint's host name could not be looked up: DNS did not answer", 'zh-CN': '无法解析服务地址的主机名：DNS 没有应答' },
  'directory.says.certSelfSigned': { en: "the endpoint's TLS certificate is self-signed, so it cannot be trusted", 'zh-CN': '服务地址的 TLS 证书是自签名证书，无法信任' },
  'directory.says.certUntrustedIssuer': {
    en: "the endpoint's TLS certificate was issued by an authority this machine does not trust",
    'zh-CN': '服务地址的 TLS 证书由本机不信任的证书颁发机构签发',
  },
  'directory.says.certNotTrusted': { en: "the endpoint's TLS certificate is not trusted", 'zh-CN': '服务地址的 TLS 证书不受信任' },
  'directory.says.certExpired': { en: "the endpoint's TLS certificate has expired", 'zh-CN': '服务地址的 TLS 证书已过期' },
  'directory.says.certNotYetValid': { en: "the endpoint's TLS certificate is not valid yet", 'zh-CN': '服务地址的 TLS 证书尚未生效' },
  'directory.says.certRevoked': { en: "the endpoint's TLS certificate was revoked", 'zh-CN': '服务地址的 TLS 证书已被吊销' },
  'directory.says.certRejected': { en: "the endpoint's TLS certificate was rejected", 'zh-CN': '服务地址的 TLS 证书被拒绝' },
  'directory.says.certBadSignature': { en: "the endpoint's TLS certificate has a signature that does not verify", 'zh-CN': '服务地址的 TLS 证书签名校验失败' },
  'directory.says.certOtherHost': {
    en: "the endpoint's TLS certificate is for another host name than the endpoint's",
    'zh-CN': '服务地址的 TLS 证书签发给了其他主机名，与服务地址不符',
  },
  'directory.says.notTls': { en: 'the endpoint did not answer in TLS', 'zh-CN': '服务地址没有以 TLS 应答' },
  'directory.says.signatureRefused': { en: 'the service refused the signature of the request', 'zh-CN': '服务拒绝了请求的签名' },
  'directory.says.keyIdUnknown': { en: 'the service does not know the AccessKey id', 'zh-CN': '服务中不存在此 AccessKey ID' },
  'directory.says.keyDisabled': { en: 'the AccessKey is disabled', 'zh-CN': '该 AccessKey 已被禁用' },
  'directory.says.tokenExpired': { en: 'the STS security token has expired', 'zh-CN': 'STS 安全令牌已过期' },
  'directory.says.tokenRefused': { en: 'the STS security token was refused', 'zh-CN': 'STS 安全令牌被拒绝' },
  'directory.says.tokenNotTheKeys': { en: "the STS security token is not the AccessKey's", 'zh-CN': 'STS 安全令牌与该 AccessKey 不匹配' },
  'directory.says.timeStampRefused': { en: "the service refused the request's time stamp", 'zh-CN': '服务拒绝了请求的时间戳' },
  'directory.says.noDirectory': { en: 'the account has no resource directory', 'zh-CN': '该账号未开通资源目录' },
  'directory.says.noPermission': { en: 'the AccessKey may not call this operation', 'zh-CN': '该 AccessKey 无权调用此操作' },
  'directory.says.throttled': { en: 'the service kept throttling the calls', 'zh-CN': '服务持续对调用限流' },
  'directory.says.noCredentials': { en: 'no credentials were found', 'zh-CN': '未找到访问凭据' },

  // What to check (explain.ts).
  'directory.check.endpoint': { en: 'check --endpoint, and that the service is running there', 'zh-CN': '请检查 --endpoint，并确认该地址上的服务正在运行' },
  'directory.check.network': {
    en: 'check the network between here and --endpoint (a firewall, a proxy: HTTPS_PROXY)',
    'zh-CN': '请检查本机与 --endpoint 之间的网络（防火墙、代理：HTTPS_PROXY）',
  },
  'directory.check.networkOrTimeout': {
    en: 'check the network between here and --endpoint (a firewall, a proxy: HTTPS_PROXY), or give a longer --timeout',
    'zh-CN': '请检查本机与 --endpoint 之间的网络（防火墙、代理：HTTPS_PROXY），或设置更长的 --timeout',
  },
  'directory.check.dns': {
    en: "check the host name in --endpoint and this machine's DNS; where only a proxy reaches the internet, set HTTPS_PROXY",
    'zh-CN': '请检查 --endpoint 中的主机名和本机的 DNS；如果只能通过代理访问互联网，请设置 HTTPS_PROXY',
  },
  'directory.check.tls': {
    en: 'check that --endpoint names the service; a proxy that inspects TLS needs its CA certificate in NODE_EXTRA_CA_CERTS',
    'zh-CN': '请确认 --endpoint 指向该服务；如果代理会检查 TLS 流量，需要把代理的 CA 证书加入 NODE_EXTRA_CA_CERTS',
  },
  'directory.check.clockAndTls': {
    en: "check this machine's clock; check that --endpoint names the service; a proxy that inspects TLS needs its CA certificate in NODE_EXTRA_CA_CERTS",
    'zh-CN': '请检查本机时钟；并确认 --endpoint 指向该服务；如果代理会检查 TLS 流量，需要把代理的 CA 证书加入 NODE_EXTRA_CA_CERTS',
  },
  'directory.check.plainHttp': {
    en: 'a plain-HTTP endpoint (a local emulator) is written http://HOST:PORT',
    'zh-CN': '纯 HTTP 的服务地址（如本地模拟器）应写作 http://HOST:PORT',
  },
  'directory.check.secret': {
    en: "check the AccessKey secret (ALIBABA_CLOUD_ACCESS_KEY_SECRET, or the profile's): it is not the one of this AccessKey id",
    'zh-CN': '请检查 AccessKey Secret（ALIBABA_CLOUD_ACCESS_KEY_SECRET 或配置中的值）：它与此 AccessKey ID 不匹配',
  },
  'directory.check.keyId': {
    en: "check the AccessKey id (ALIBABA_CLOUD_ACCESS_KEY_ID, or the profile's): it may be mistyped, deleted, or of another site (--site)",
    'zh-CN': '请检查 AccessKey ID（ALIBABA_CLOUD_ACCESS_KEY_ID 或配置中的值）：可能输错、已删除，或属于另一个站点（--site）',
  },
  'directory.check.token': {
    en: 'check ALIBABA_CLOUD_SECURITY_TOKEN (or the role that issues it): an STS token goes with its own AccessKey and expires',
    'zh-CN': '请检查 ALIBABA_CLOUD_SECURITY_TOKEN（或签发它的角色）：STS 令牌只能与配套的 AccessKey 一起使用，且会过期',
  },
  'directory.check.permissions': {
    en: 'check the RAM permissions of the AccessKey (AliyunResourceDirectoryFullAccess, or a policy on resourcedirectory:*MessageContact*)',
    'zh-CN': '请检查该 AccessKey 的 RAM 权限（AliyunResourceDirectoryFullAccess，或授权 resourcedirectory:*MessageContact* 的策略）',
  },
  'directory.check.credentials': {
    en: 'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or give --profile (README, Credentials)',
    'zh-CN': '请设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET，或指定 --profile（见 README 的 Credentials 一节）',
  },
  'directory.check.enableKey': { en: 'enable it in the RAM console, or use another AccessKey', 'zh-CN': '请在 RAM 控制台启用它，或改用其他 AccessKey' },
  'directory.check.clock': { en: "check this machine's clock", 'zh-CN': '请检查本机时钟' },
  'directory.check.managementAccount': {
    en: 'check that the AccessKey belongs to the management account of the resource directory',
    'zh-CN': '请确认该 AccessKey 属于资源目录的管理账号',
  },
  'directory.check.throttled': {
    en: 'run again later; every tool calling with this account shares its limits (--max-tries waits longer)',
    'zh-CN': '请稍后重新运行；用此账号调用的所有工具共享同一限流额度（调大 --max-tries 可等待更久）',
  },
  'directory.check.serviceProblem': { en: 'the service had a problem: run again later', 'zh-CN': '服务端出现问题：请稍后重新运行' },
  'directory.check.report': { en: 'see the report', 'zh-CN': '请查看报告' },

  // A failure on one line (errors.ts): our words or the API's, the facts in brackets, the request id.
  'directory.failure.worded': { en: '{message} ({facts})', 'zh-CN': '{message}（{facts}）' },
  'directory.failure.api': { en: '{code} ({facts}): {message}', 'zh-CN': '{code}（{facts}）：{message}' },
  'directory.failure.apiBare': { en: '{code}: {message}', 'zh-CN': '{code}：{message}' },
  'directory.failure.withRequest': { en: '{failure} [request {requestId}]', 'zh-CN': '{failure}（请求 ID：{requestId}）' },
  'directory.failure.tries': { en: { one: '{count} try', other: '{count} tries' }, 'zh-CN': '尝试 {count} 次' },
  'directory.failure.factSeparator': { en: ', ', 'zh-CN': '，' },
  'directory.failure.stop': { en: '{failure}; {check}', 'zh-CN': '{failure}；{check}' },

  // The lock (lock.ts): one run at a time per directory.
  'directory.lock.contended': { en: 'could not take the lock {path}: other runs keep taking it', 'zh-CN': '无法获取锁 {path}：其他运行一直在抢占它' },
  'directory.lock.broke': {
    en: '--break-lock: removed the lock of pid {pid} on {host}, started at {startedAt} ({path})',
    'zh-CN': '--break-lock：已删除 {host} 上 pid {pid} 的锁，该锁创建于 {startedAt}（{path}）',
  },
  'directory.lock.folderUnusable': {
    en: 'cannot use the lock folder {folder}: {why}; nothing was sent (name a folder of your own with --lock-dir)',
    'zh-CN': '无法使用锁文件夹 {folder}：{why}；未发送任何请求（请用 --lock-dir 指定一个属于自己的文件夹）',
  },
  'directory.lock.removed': {
    en: 'the lock {path} was removed while this run held it, so another run could start: nothing more was sent',
    'zh-CN': '本次运行持有的锁 {path} 被删除，其他运行可能已经开始：不再发送任何请求',
  },
  'directory.lock.replaced': {
    en: 'the lock {path} was replaced while this run held it, so another run may be going: nothing more was sent',
    'zh-CN': '本次运行持有的锁 {path} 被替换，可能有另一个运行正在进行：不再发送任何请求',
  },
  'directory.lock.cannotWrite': { en: 'cannot write the lock {path}: {problem}; nothing was sent', 'zh-CN': '无法写入锁 {path}：{problem}；未发送任何请求' },
  'directory.lock.foreignLink': {
    en: 'the lock {path} is a symbolic link: contact-import did not write it; nothing was sent. If no run is going, remove it',
    'zh-CN': '锁 {path} 是符号链接，不是 contact-import 写的；未发送任何请求。如果没有正在进行的运行，请删除它',
  },
  'directory.lock.foreignUnreadable': {
    en: 'the lock {path} cannot be read: {problem}: contact-import did not write it; nothing was sent. If no run is going, remove it',
    'zh-CN': '锁 {path} 无法读取：{problem}，不是 contact-import 写的；未发送任何请求。如果没有正在进行的运行，请删除它',
  },
  'directory.lock.foreignNotFile': {
    en: 'the lock {path} is not a regular file: contact-import did not write it; nothing was sent. If no run is going, remove it',
    'zh-CN': '锁 {path} 不是普通文件，不是 contact-import 写的；未发送任何请求。如果没有正在进行的运行，请删除它',
  },
  'directory.lock.foreignOtherUser': {
    en: 'the lock {path} belongs to another user (uid {uid}): contact-import did not write it; nothing was sent. If no run is going, remove it',
    'zh-CN': '锁 {path} 属于另一个用户（uid {uid}），不是 contact-import 写的；未发送任何请求。如果没有正在进行的运行，请删除它',
  },
  'directory.lock.foreignNotOurs': {
    en: 'the lock {path} does not hold a lock of contact-import: contact-import did not write it; nothing was sent. If no run is going, remove it',
    'zh-CN': '锁 {path} 的内容不是 contact-import 的锁，不是 contact-import 写的；未发送任何请求。如果没有正在进行的运行，请删除它',
  },
  'directory.lock.held': {
    en: 'another run holds the lock since {startedAt} (pid {pid} on {host}); nothing was sent. If no run is going, run again with --break-lock: it removes {path} and says whose it was',
    'zh-CN': '另一个运行自 {startedAt} 起持有锁（{host} 上的 pid {pid}）；未发送任何请求。如果没有正在进行的运行，请加 --break-lock 重新运行：它会删除 {path} 并说明该锁属于谁',
  },
  'directory.lock.heldElsewhere': {
    en: 'another run holds the lock since {startedAt} (pid {pid} on {host}, another host, so this one cannot tell whether it still runs); nothing was sent. If no run is going, run again with --break-lock: it removes {path} and says whose it was',
    'zh-CN': '另一个运行自 {startedAt} 起持有锁（另一台主机 {host} 上的 pid {pid}，本机无法判断它是否仍在运行）；未发送任何请求。如果没有正在进行的运行，请加 --break-lock 重新运行：它会删除 {path} 并说明该锁属于谁',
  },
  'directory.lock.momentAgo': { en: 'a moment ago', 'zh-CN': '刚才' },

  // Credentials (credential-choice.ts, credentials.ts): never a key, only where they came from.
  'directory.credentials.noProfile': {
    en: 'no credentials profile "{profile}": looked in {looked}; nothing was sent',
    'zh-CN': '找不到凭据配置“{profile}”：已查找 {looked}；未发送任何请求',
  },
  'directory.credentials.fileLooked': { en: '{file} ({what})', 'zh-CN': '{file}（{what}）' },
  'directory.credentials.noProfiles': { en: 'no profiles', 'zh-CN': '没有任何配置' },
  'directory.credentials.profiles': { en: 'profiles {names}', 'zh-CN': '配置 {names}' },
  'directory.credentials.profilesMore': { en: 'profiles {names} and {more} more', 'zh-CN': '配置 {names} 等，另有 {more} 个' },
  'directory.credentials.noSuchFile': { en: 'no such file', 'zh-CN': '文件不存在' },
  'directory.credentials.unreadable': { en: 'cannot be read: {code}', 'zh-CN': '无法读取：{code}' },
  'directory.credentials.notJson': { en: 'not valid JSON', 'zh-CN': '不是有效的 JSON' },
  'directory.credentials.stepEnvironment': { en: 'the environment', 'zh-CN': '环境变量' },
  'directory.credentials.stepEcs': { en: 'the ECS instance role', 'zh-CN': 'ECS 实例角色' },
  'directory.credentials.sdkSaid': { en: 'credentials: the SDK said: {text}', 'zh-CN': '凭据：SDK 原文：{text}' },
  'directory.credentials.keyPairGiven': { en: 'credentials: the key pair the command was given', 'zh-CN': '凭据：命令中给出的 AccessKey' },
  'directory.credentials.source': { en: 'credentials: {source}', 'zh-CN': '凭据：{source}' },
  'directory.credentials.sourceKind': { en: 'credentials: {source} ({kind})', 'zh-CN': '凭据：{source}（{kind}）' },
  'directory.credentials.sourceUnknown': { en: 'credentials: unknown source', 'zh-CN': '凭据：来源未知' },
  /** Between the SDK's provider steps, outermost first ("OIDC role (RRSA) via RAM role"). */
  'directory.credentials.via': { en: ' via ', 'zh-CN': ' → ' },
  'directory.credentials.profileOf': { en: 'profile "{profile}" of {file}', 'zh-CN': '{file} 中的配置“{profile}”' },
  'directory.credentials.someProfile': { en: 'a profile ({step})', 'zh-CN': '某个配置（{step}）' },
  'directory.credentials.profileGaveNone': {
    en: 'profile "{profile}" of {file} gave no credentials (--verbose says why)',
    'zh-CN': '{file} 中的配置“{profile}”没有提供凭据（加 --verbose 可查看原因）',
  },
  'directory.credentials.keyPairRefused': { en: 'the key pair given was refused before any call', 'zh-CN': '给出的 AccessKey 在调用之前即被拒绝' },
  'directory.credentials.noneInChain': {
    en: 'no credentials in {steps} or {last} (--verbose says why)',
    'zh-CN': '在 {steps} 和 {last} 中都没有找到凭据（加 --verbose 可查看原因）',
  },
  'directory.provider.env': { en: 'environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET', 'zh-CN': '环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET' },
  'directory.provider.oidc': { en: 'OIDC role (RRSA)', 'zh-CN': 'OIDC 角色（RRSA）' },
  'directory.provider.ecs': { en: 'ECS instance RAM role', 'zh-CN': 'ECS 实例 RAM 角色' },
  'directory.provider.uri': { en: 'ALIBABA_CLOUD_CREDENTIALS_URI', 'zh-CN': 'ALIBABA_CLOUD_CREDENTIALS_URI' },
  'directory.provider.accessKey': { en: 'AccessKey', 'zh-CN': 'AccessKey' },
  'directory.provider.sts': { en: 'STS token', 'zh-CN': 'STS 令牌' },
  'directory.provider.ramRole': { en: 'RAM role', 'zh-CN': 'RAM 角色' },
  'directory.provider.sso': { en: 'CloudSSO', 'zh-CN': '云 SSO（CloudSSO）' },
  'directory.provider.oauth': { en: 'OAuth', 'zh-CN': 'OAuth' },
  'directory.provider.external': { en: 'external command', 'zh-CN': '外部命令' },

  // Reading the directory, sending verifications (connect.ts, verifications.ts).
  'directory.cannotRead': { en: 'cannot read the directory at {where}: {failure}', 'zh-CN': '无法读取 {where} 上的资源目录：{failure}' },
  'directory.verification.dailyLimit': {
    en: 'the account reached its daily limit of verification messages',
    'zh-CN': '该账号今天发送验证消息的次数已达上限',
  },
  'directory.verification.stopped': { en: 'no more verifications were sent: {failure}', 'zh-CN': '未再发送验证：{failure}' },

  // The route to the endpoint (proxy.ts), for --verbose, and the proxy variables' refusals.
  'directory.route.noVariable': { en: 'direct (no proxy variable set)', 'zh-CN': '直连（未设置代理环境变量）' },
  'directory.route.noProxy': { en: 'direct ({variable} names it)', 'zh-CN': '直连（{variable} 中包含此地址）' },
  'directory.route.proxy': { en: 'through the proxy {host} ({variable})', 'zh-CN': '经由代理 {host}（{variable}）' },
  'directory.route.line': { en: '{where}: {route}', 'zh-CN': '{where}：{route}' },
  'directory.proxy.noScheme': { en: '{variable} has no scheme: write it as http://HOST:PORT', 'zh-CN': '{variable} 缺少协议：请写作 http://HOST:PORT' },
  'directory.proxy.notUrl': {
    en: '{variable} is not a proxy URL such as http://proxy.example.com:3128',
    'zh-CN': '{variable} 不是有效的代理 URL（例如 http://proxy.example.com:3128）',
  },
  'directory.proxy.unsupported': {
    en: '{variable}: a {scheme}:// proxy is not supported (http, https, socks5 are)',
    'zh-CN': '{variable}：不支持 {scheme}:// 代理（支持 http、https、socks5）',
  },

  // --endpoint (endpoint.ts).
  'directory.endpoint.notHost': { en: '--endpoint "{value}" is not HOST[:PORT] or http://HOST:PORT', 'zh-CN': '--endpoint "{value}" 不是 HOST[:PORT] 或 http://HOST:PORT 格式' },
  'directory.endpoint.scheme': {
    en: '--endpoint "{value}": only http:// (a local emulator) and https:// are supported',
    'zh-CN': '--endpoint "{value}"：只支持 http://（本地模拟器）和 https://',
  },
  'directory.endpoint.path': {
    en: '--endpoint "{value}" must be a host and port only, without a path or query',
    'zh-CN': '--endpoint "{value}" 只能包含主机和端口，不能带路径或查询参数',
  },

  // An add whose answer was lost (add-contact.ts), a call stopped (adapter.ts): messages in results rows.
  'directory.add.appeared': {
    en: 'a contact named "{name}" with another email ({email}) appeared in the directory during the run',
    'zh-CN': '运行期间，资源目录中出现了一个名为“{name}”、邮箱不同（{email}）的联系人',
  },
  'directory.add.lookUpFailed': {
    en: '{failure}; the look-up that followed failed too ({code}: {lookUp})',
    'zh-CN': '{failure}；随后的查询也失败了（{code}：{lookUp}）',
  },
  'directory.stoppedBySignal': { en: 'stopped by a signal', 'zh-CN': '被信号终止' },
  'directory.unknownError': { en: 'unknown error', 'zh-CN': '未知错误' },
} as const;
