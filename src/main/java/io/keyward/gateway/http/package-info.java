/**
 * HTTP plumbing shared by every gateway adapter: the per-connection OkHttp clients, the retry rule
 * (reads retried with backoff, changes sent once), what a lost answer means (a failure, or for a
 * change that was sent, an unknown outcome), the change timeout and the answer size limit, path
 * building that refuses names a server could read as "." or "..", secret scrubbing, RFC 9457
 * problem parsing and the failures that do not depend on which gateway answered (no answer, a
 * proxy's page, an unreadable body, a redirect). Adapters keep only what is theirs: their paths,
 * their wire shapes, and how their statuses read as sentences.
 */
package io.keyward.gateway.http;
