/**
 * WeChat's and WeCom's (企业微信) in-app browser, whose user agents carry MicroMessenger and wxwork.
 * Cadres open the site there most often, from links shared in group chats.
 */
export const inWeChat = (userAgent = navigator.userAgent): boolean => /MicroMessenger|wxwork/i.test(userAgent);

/**
 * It silently drops downloads of files a page makes itself (`blob:` addresses). Files the build
 * wrote, such as each case's .docx, still download there; only what the page generates is lost.
 */
export const dropsPageDownloads = inWeChat;

/** What to do instead of downloading there, in a sentence the page can show. */
export const IN_APP_DOWNLOAD_HELP = '微信里不能保存网页生成的文件。请点右上角“···”，选“在浏览器打开”，再下载。';

/**
 * Printing there: the page still asks (a version that can print will), and says what to do if no
 * print dialog opens, as the in-app browser offers none of its own.
 */
export const IN_APP_PRINT_HELP = '如果没有出现打印窗口：微信里一般不能直接打印，请点右上角“···”，选“在浏览器打开”，再打印。';
