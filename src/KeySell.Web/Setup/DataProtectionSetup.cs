using System.Security.Cryptography.X509Certificates;
using KeySell.Application.Data;
using Microsoft.AspNetCore.DataProtection;

namespace KeySell.Web.Setup;

/// <summary>
/// The keys that sign cookies and tokens live in the database, so every app server shares them. With
/// a certificate they are encrypted there; without one, whoever reads the database can forge sign-ins.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificatePathKey = "KeySell:DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "KeySell:DataProtection:CertificatePassword";

    public static void AddKeySellDataProtection(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("KeySell").PersistKeysToDbContext<AppDbContext>();
        if (builder.Configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            if (!File.Exists(path))
                throw new InvalidOperationException($"{CertificatePathKey} names '{path}', which does not exist. Point it at a PKCS#12 (.pfx) file or remove the setting.");
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration[CertificatePasswordKey]);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"The certificate in {CertificatePathKey} has no private key; keys encrypted with it could never be read back.");
            protection.ProtectKeysWithCertificate(certificate);
        }
    }

    public static void WarnIfKeysUnprotected(WebApplication app)
    {
        if (app.Configuration[CertificatePathKey] is { Length: > 0 }) return;
        app.Logger.LogWarning(
            "Data-protection keys are stored UNENCRYPTED in the database: anyone who can read it can forge sign-in cookies and tokens. " +
            "Set KeySell__DataProtection__CertificatePath (and __CertificatePassword) to a PKCS#12 certificate; see the README's Security section.");
    }
}
