#pragma once

// The hand-off every trace API client does: an HttpResult arrives on the context's thread; a failure
// becomes Result{error}, a body is parsed on the global thread pool and the result handed back to the
// context's thread, dropped if the context is gone by then.

#include "net/HttpTypes.h"
#include "traces/TraceSearch.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include <functional>

namespace wf::traces::detail {

template<typename Result, typename Parse>
std::function<void(const net::HttpResult&)>
deliverParsed(QObject* context, std::function<void(const Result&)> done, Parse parse)
{
    return [context = QPointer<QObject>(context), done = std::move(done),
            parse = std::move(parse)](const net::HttpResult& r) {
        if (!r.ok()) {
            Result failed;
            failed.error =
                r.error == net::HttpError::HttpStatus ? apiErrorText(r.status, r.body) : r.errorMessage;
            done(failed);
            return;
        }
        QThreadPool::globalInstance()->start([context, done, parse, body = r.body] {
            Result parsed = parse(body);
            if (!context)
                return;
            QMetaObject::invokeMethod(context.data(), [context, done, parsed = std::move(parsed)] {
                if (context)
                    done(parsed);
            });
        });
    };
}

} // namespace wf::traces::detail
