#pragma once

#include <QString>

namespace Kakehashi {

// Who is signed in, always visible in the window.
struct SessionIdentity
{
    QString name;         // kanji name from the certificate
    QString role;         // translated role, e.g. 医師
    QString organization;
    bool demo = false;
};

} // namespace Kakehashi
