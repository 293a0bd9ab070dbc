#include "drugmaster.h"

#include <QFile>
#include <QSettings>

namespace Kakehashi {

namespace {

// 薬価基準収載医薬品コード / YJ: 7 digits, a dosage-form letter, then 4 characters.
bool isYjShaped(QStringView code)
{
    if (code.size() != 12)
        return false;
    for (int i = 0; i < 12; ++i) {
        const QChar c = code[i];
        const bool digit = c >= u'0' && c <= u'9';
        const bool upper = c >= u'A' && c <= u'Z';
        if ((i < 7 && !digit) || (i == 7 && !upper) || (i > 7 && !digit && !upper))
            return false;
    }
    return true;
}

QList<QStringList> readTable(const QString &path)
{
    QList<QStringList> rows;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        rows << line.split(u'\t');
    }
    return rows;
}

QString overrideDirectory()
{
    const QString env = qEnvironmentVariable("KAKEHASHI_CODES_DIR");
    if (!env.isEmpty())
        return env;
    return QSettings().value(QStringLiteral("codes/masterDirectory")).toString();
}

} // namespace

const DrugMaster &DrugMaster::instance()
{
    static const DrugMaster master = [] {
        const QString dir = overrideDirectory();
        if (!dir.isEmpty()) {
            DrugMaster m = load(dir);
            if (m.hotRows() > 0 || m.generalNameRows() > 0)
                return m;
            qWarning("Code master directory has no readable tables; using the built-in subset");
        }
        return load(QStringLiteral(":/kakehashi/codes"));
    }();
    return master;
}

DrugMaster DrugMaster::load(const QString &directory)
{
    DrugMaster m;
    m.m_origin = directory;
    // general-order-codes.tsv: code, name[, source, date]
    for (const QStringList &row : readTable(directory + QStringLiteral("/general-order-codes.tsv"))) {
        if (row.size() < 2 || row[0].size() < 7)
            continue;
        m.m_generalNames.insert(row[0], row[1]);
        QString name = row[1];
        name.remove(QStringLiteral("【般】"));
        if (!m.m_ingredientName.contains(row[0].left(7)))
            m.m_ingredientName.insert(row[0].left(7), name);
    }
    // hot-yj.tsv: HOT9, YJ, product name, ingredient (一般名)[, source, date]
    for (const QStringList &row : readTable(directory + QStringLiteral("/hot-yj.tsv"))) {
        if (row.size() < 2 || row[0].size() != 9 || !isYjShaped(row[1]))
            continue;
        m.m_hotToYj.insert(row[0], row[1]);
        if (!m.m_hot7ToYj.contains(row[0].left(7)))
            m.m_hot7ToYj.insert(row[0].left(7), row[1]);
        if (row.size() >= 4 && !row[3].isEmpty())
            m.m_ingredientName.insert(row[1].left(7), row[3]); // the 一般名 column wins over a general-name product text
    }
    return m;
}

QString DrugMaster::yjOfHot(QStringView hot) const
{
    if (hot.size() != 9 && hot.size() != 13)
        return {};
    const QString yj = m_hotToYj.value(hot.left(9).toString());
    // The same product (HOT7, 処方用番号) from another distributor carries the same YJ.
    return yj.isEmpty() ? m_hot7ToYj.value(hot.left(7).toString()) : yj;
}

QString DrugMaster::nameOfIngredient(const QString &yj7) const
{
    return m_ingredientName.value(yj7);
}

std::optional<Ingredient> DrugMaster::ingredientOf(const QList<Fhir::Coding> &codes) const
{
    const auto make = [this](const QString &code, const char *via) {
        const QString yj7 = code.left(7);
        return Ingredient{QStringLiteral("YJ:") + yj7, nameOfIngredient(yj7), QString::fromUtf8(via)};
    };
    for (const Fhir::Coding &c : codes)
        if (c.system == Fhir::System::YjCode && isYjShaped(c.code))
            return make(c.code, "YJ");
    for (const Fhir::Coding &c : codes)
        if (c.system == Fhir::System::GeneralOrderCode && c.code.size() == 12 && isYjShaped(QString(c.code.left(8) + QStringLiteral("0000"))))
            return make(c.code, "一般名");
    for (const Fhir::Coding &c : codes) {
        if (c.system != Fhir::System::Hot9 && c.system != Fhir::System::Hot13)
            continue;
        const QString yj = yjOfHot(c.code);
        if (!yj.isEmpty())
            return make(yj, "HOT→YJ");
    }
    return std::nullopt;
}

} // namespace Kakehashi
