// New alerts POSTed to a webhook by the headless collector: a JSON body of our own, or Slack's
// incoming-webhook payload ({"text": ...}). The URL is treated as a secret (it usually is one).
#pragma once

#include "alerts/alerts.h"
#include "http/httpclient.h"

#include <QUrl>

namespace fleetscope {

struct AlertWebhook {
    enum class Format { Json, Slack };
    QUrl url;
    Format format = Format::Json;

    // URL must be http(s); FORMAT "json" or "slack". Errors never repeat the URL.
    static Result<AlertWebhook> parse(const QString &url, const QString &format);
    // One POST for RAISED; retried by the HTTP client on failures that may pass (5xx, 429, timeouts).
    HttpRequest request(const QList<AlertFinding> &raised, const QDateTime &at) const;
};

} // namespace fleetscope
