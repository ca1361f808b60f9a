#pragma once
// Helpers for the full demo drill test: answering the modal prompts the real UI opens (without a
// nested event loop of our own), looking at what this process has on the network, and turning a PDF
// page into a picture.

#include <QString>
#include <QStringList>

#include <functional>

class QInputDialog;

namespace wf::drill {

// Waits (from the event loop) for the next modal QInputDialog, hands it to `answer`, and stores its
// label text in `label`. Call it before the action that opens the dialog; if none appears within
// timeoutMs, `label` stays empty and the caller's assertion fails.
void answerNextInputDialog(std::function<void(QInputDialog*)> answer, QString* label, int timeoutMs = 10000);

// TCP sockets (listening or connected) this process holds, as "local -> remote (state)", from
// /proc/self/fd and /proc/self/net/tcp{,6}. Empty list: nothing listens and nothing connects.
QStringList tcpSocketsOfThisProcess();

// True once the process is gone or a zombie nobody reaped.
bool processGone(qint64 pid);

// Renders the first page of `pdf` to `pngPath` with pdftoppm; an error message, or empty on success.
QString renderFirstPdfPage(const QString& pdf, const QString& pngPath);

// Runs a tool and returns its standard output; empty when it fails or is missing.
QString runTool(const QString& tool, const QStringList& args);

} // namespace wf::drill
