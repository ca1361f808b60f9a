#pragma once

// Internal to models/otlp: the envelope shared by the three OTLP signals,
//   { resourceX: [ { resource, scopeX: [ { scope, items: [...] } ] } ] },
// walked once here; each signal decodes only its items.

#include "otlp/JsonReader.h"

namespace wf::otlp::json {

struct EnvelopeNames
{
    FieldName resources; // e.g. resourceSpans / resource_spans
    FieldName scopes;    // e.g. scopeSpans / scope_spans
    FieldName items;     // e.g. spans
    const char* resourcesPath;
    const char* scopesPath;
    const char* itemsPath;
};

inline bool isField(std::string_view key, const FieldName& f)
{
    return key == f.camel || key == f.snake;
}

// fn(od::value& item, qint32 resourceIndex, qint32 scopeIndex) -> bool, false only when the request
// turned malformed. Resource and scope slots are reserved before their content is read, because JSON
// key order is free and items may come before their "resource".
template<typename ItemFn>
bool readEnvelope(Reader& r, QByteArrayView body, const EnvelopeNames& names,
                  std::vector<telemetry::Resource>& resources, std::vector<telemetry::Scope>& scopes,
                  ItemFn&& fn)
{
    return r.document(body, [&](std::string_view key, od::value& v) {
        if (!isField(key, names.resources))
            return r.skip(v);
        Reader::PathGuard g(r, names.resourcesPath);
        return r.elements(v, [&](od::value& rv, qint32) {
            if (r.tooManyEnvelopes(resources.size()))
                return false;
            const auto resourceIndex = qint32(resources.size());
            resources.emplace_back();
            return r.fields(rv, [&](std::string_view rk, od::value& rf) {
                if (rk == "resource") {
                    Reader::PathGuard g2(r, "resource");
                    return r.resource(rf, resources[std::size_t(resourceIndex)]);
                }
                if (!isField(rk, names.scopes))
                    return r.skip(rf);
                Reader::PathGuard g2(r, names.scopesPath);
                return r.elements(rf, [&](od::value& sv, qint32) {
                    if (r.tooManyEnvelopes(scopes.size()))
                        return false;
                    const auto scopeIndex = qint32(scopes.size());
                    scopes.emplace_back();
                    return r.fields(sv, [&](std::string_view sk, od::value& sf) {
                        if (sk == "scope") {
                            Reader::PathGuard g3(r, "scope");
                            return r.scope(sf, scopes[std::size_t(scopeIndex)]);
                        }
                        if (!isField(sk, names.items))
                            return r.skip(sf);
                        Reader::PathGuard g3(r, names.itemsPath);
                        return r.elements(
                            sf, [&](od::value& item, qint32) { return fn(item, resourceIndex, scopeIndex); });
                    });
                });
            });
        });
    });
}

} // namespace wf::otlp::json
