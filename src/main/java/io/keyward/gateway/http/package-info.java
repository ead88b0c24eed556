/**
 * HTTP plumbing shared by every gateway adapter: the per-connection OkHttp client and its retry rule,
 * path building, secret scrubbing, RFC 9457 problem parsing and the failures that do not depend on
 * which gateway answered (no answer, a proxy's page, an unreadable body, a redirect). Adapters keep
 * only what is theirs: their paths, their wire shapes, and how their statuses read as sentences.
 */
package io.keyward.gateway.http;
