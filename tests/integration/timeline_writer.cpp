// Child process for tst_timeline_crash: appends timeline notes as fast as the workspace commits them
// and prints "ack <seq> <text>" for each one the store has acknowledged, until it is killed.
#include "incident/TimelineStore.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

using namespace wf::incident;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: timeline_writer WORKSPACE\n");
        return 2;
    }
    wf::OpenResult opened =
        wf::Workspace::open(QString::fromLocal8Bit(argv[1]), wf::OpenMode::CreateIfMissing);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(opened.message));
        return 1;
    }
    TimelineStore store(*opened.workspace);
    qint64 incident = 0;
    int next = 0;
    // Several appends in flight at once, so the kill lands while commits are under way.
    std::function<void()> appendOne = [&] {
        TimelineEvent ev;
        ev.incidentId = incident;
        ev.kind = EventKind::Note;
        ev.author = QStringLiteral("writer");
        const QString text = QStringLiteral("note %1").arg(next++);
        ev.payload = QJsonObject{{QStringLiteral("text"), text}};
        store.append(ev, &app, [&, text](const wf::WriteResult& r, const TimelineEvent& saved) {
            if (!r.ok) {
                std::fprintf(stderr, "%s\n", qUtf8Printable(r.error));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("ack %lld %s\n", saved.seq, qUtf8Printable(text));
            std::fflush(stdout);
            appendOne();
        });
    };
    store.declare({QStringLiteral("Crash test"), Severity::Sev1, {}, {}}, QStringLiteral("writer"), &app,
                  [&](const wf::WriteResult& r, qint64 id) {
                      if (!r.ok) {
                          std::fprintf(stderr, "%s\n", qUtf8Printable(r.error));
                          QCoreApplication::exit(1);
                          return;
                      }
                      incident = id;
                      std::printf("incident %lld\n", id);
                      std::fflush(stdout);
                      for (int i = 0; i < 4; ++i)
                          appendOne();
                  });
    return QCoreApplication::exec();
}
