#pragma once

#include "fhirjson.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Kakehashi {

// What one medication code says about its ingredient.
struct Ingredient
{
    QString key;  // "YJ:2233002": 薬効分類 (4) + 投与経路・成分 (3), the first 7 characters of a YJ /
                  // 薬価基準 / 一般名処方 code — the same ingredient and route whatever the brand or maker
    QString name; // readable name from the master, e.g. "Ｌ－カルボシステイン"; may be empty
    QString via;  // the coding it was read from: "YJ", "一般名", "HOT9→YJ"
};

// The code masters that map a medication code to its ingredient: the MHLW 一般名処方マスタ
// (general-name codes) and the MEDIS HOT code master (HOT9 → YJ). The build ships a verified
// subset (resources/codes/, with each row's source and date); a deployment drops the full masters,
// in the same tab-separated form, into a directory named by the setting "codes/masterDirectory"
// (or the environment variable KAKEHASHI_CODES_DIR), and they are read from there instead.
//
// YJ and general-name codes carry the ingredient in their structure (MHLW 薬価基準収載医薬品コード:
// 薬効分類 4 + 投与経路・成分 3 + 剤形 1 + 規格 1 + 銘柄 2 + check digit 1; a general-name code is
// the first 9 of it + "ZZZ"), so they map without a table; HOT codes name a product and map only
// through the HOT master. A code that maps nowhere gives nullopt: the caller must report the
// medication as "ingredient unknown — not checked", never skip it.
class DrugMaster
{
public:
    // Loaded once, from the override directory if set, else the built-in subset.
    static const DrugMaster &instance();
    // Reads general-order-codes.tsv and hot-yj.tsv from |directory| (":/kakehashi/codes" is the
    // built-in one). Missing files leave that table empty.
    static DrugMaster load(const QString &directory);

    std::optional<Ingredient> ingredientOf(const QList<Fhir::Coding> &codes) const;
    // The YJ code of a HOT9 (or HOT13, by its first nine digits), else of another HOT9 of the same
    // HOT7 (the same product, another distributor); empty when the master has neither.
    QString yjOfHot(QStringView hot) const;
    // Where the tables were read from, for the About box and the log.
    QString origin() const { return m_origin; }
    int hotRows() const { return int(m_hotToYj.size()); }
    int generalNameRows() const { return int(m_generalNames.size()); }

private:
    QString nameOfIngredient(const QString &yj7) const;

    QHash<QString, QString> m_hotToYj;        // HOT9 → YJ
    QHash<QString, QString> m_hot7ToYj;       // HOT7 → YJ: the same product from another distributor
    QHash<QString, QString> m_ingredientName; // YJ7 → name (告示名称 / 一般名 without 【般】 and strength)
    QHash<QString, QString> m_generalNames;   // general-name code → name
    QString m_origin;
};

} // namespace Kakehashi
