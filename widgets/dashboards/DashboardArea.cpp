#include "dashboards/DashboardArea.h"

#include "common/EmptyState.h"
#include "theme/Theme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

// The banner's tint follows the theme: an Info colour blended into the window background.
class NoticeBanner : public QLabel
{
public:
    explicit NoticeBanner(QWidget* parent)
        : QLabel(parent)
    {
        setObjectName(QStringLiteral("noticeBanner"));
        setWordWrap(true);
        setTextFormat(Qt::PlainText);
        setAutoFillBackground(true);
        setContentsMargins(12, 8, 12, 8);
        updateColours();
    }

protected:
    void changeEvent(QEvent* event) override
    {
        if (event->type() == QEvent::PaletteChange && !m_updating)
            updateColours();
        QLabel::changeEvent(event);
    }

private:
    void updateColours()
    {
        m_updating = true; // setPalette below raises PaletteChange again
        QPalette p = QGuiApplication::palette();
        const QColor info = semanticColor(Semantic::Info, p);
        const QColor window = p.color(QPalette::Window);
        const auto mix = [](const QColor& a, const QColor& b, double t) {
            return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                                    float(a.greenF() * (1 - t) + b.greenF() * t),
                                    float(a.blueF() * (1 - t) + b.blueF() * t));
        };
        p.setColor(QPalette::Window, mix(window, info, 0.18));
        setPalette(p);
        m_updating = false;
    }

    bool m_updating = false;
};

} // namespace

DashboardArea::DashboardArea(QWidget* parent)
    : QWidget(parent)
    , m_banner(new NoticeBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(
          tr("No dashboards yet"),
          tr("Dashboards put the metrics, SLOs and alerts of your services side by side, on one shared "
             "time range, so the whole team looks at the same picture during an incident."),
          tr("Add a data source in the Sources panel (Alt+5), or start Watchfloor with --demo to explore a "
             "simulated shop."),
          this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("dashboardArea"));
    m_banner->hide();
    m_banner->setAccessibleName(tr("Notice"));
    m_stack->setObjectName(QStringLiteral("dashboardStack"));
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &DashboardArea::closeTab);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    updatePage();
}

int DashboardArea::addDashboard(QWidget* page, const QString& title)
{
    const int index = m_tabs->addTab(page, title);
    updatePage();
    if (!m_preferredTab.isEmpty() && title.startsWith(m_preferredTab, Qt::CaseInsensitive)) {
        m_preferredTab.clear();
        m_tabs->setCurrentIndex(index);
    }
    return index;
}

void DashboardArea::setPreferredTab(const QString& titlePrefix)
{
    m_preferredTab = titlePrefix;
    for (int i = 0; i < m_tabs->count() && !m_preferredTab.isEmpty(); ++i) {
        if (m_tabs->tabText(i).startsWith(m_preferredTab, Qt::CaseInsensitive)) {
            m_preferredTab.clear();
            m_tabs->setCurrentIndex(i);
        }
    }
}

int DashboardArea::dashboardCount() const
{
    return m_tabs->count();
}

void DashboardArea::removeDashboard(QWidget* page)
{
    const int index = m_tabs->indexOf(page);
    if (index >= 0)
        closeTab(index);
}

void DashboardArea::showNotice(const QString& text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

QString DashboardArea::notice() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void DashboardArea::closeTab(int index)
{
    QWidget* page = m_tabs->widget(index);
    m_tabs->removeTab(index);
    delete page;
    updatePage();
}

void DashboardArea::updatePage()
{
    m_stack->setCurrentWidget(m_tabs->count() > 0 ? static_cast<QWidget*>(m_tabs) : m_empty);
}

} // namespace wf::ui
