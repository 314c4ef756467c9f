/**
 * In-app browsers that silently drop downloads of files a page makes itself (`blob:` addresses):
 * WeChat and WeCom (企业微信), whose user agents carry MicroMessenger and wxwork. Files the build
 * wrote, such as each case's .docx, still download there; only what the page generates is lost.
 */
export const dropsPageDownloads = (userAgent = navigator.userAgent): boolean => /MicroMessenger|wxwork/i.test(userAgent);

/** What to do instead, in a sentence the page can show. */
export const IN_APP_DOWNLOAD_HELP = '微信里不能保存网页生成的文件。请点右上角“···”，选“在浏览器打开”，再下载。';
