using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Tests.Setup;

/// <summary>The keys that sign cookies and tokens, as stored in the database: encrypted with a configured certificate, in clear without.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task Keys_WithCertificateConfigured_AreStoredEncrypted()
    {
        await using var app = new CertificateApp();
        await app.CreateAdminClientAsync(); // signing in needs a key, so one is made and stored

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken));

        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml!.Contains("encryptedSecret") && !xml.Contains("<masterKey"));
    }

    [Fact]
    public async Task Keys_WithoutCertificate_AreStoredInClear()
    {
        await using var app = new SqliteApp();
        await app.CreateAdminClientAsync();

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken));

        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml!.Contains("<masterKey") && !xml.Contains("encryptedSecret"));
    }

    private sealed class CertificateApp : SqliteApp
    {
        private const string Password = "Test-Pfx-Passw0rd";
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"keysell-dp-{Guid.NewGuid():N}.pfx");

        public CertificateApp()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=KeySell data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(_path, certificate.Export(X509ContentType.Pfx, Password));
        }

        protected override IEnumerable<KeyValuePair<string, string>> AppSettings() =>
            [new("KeySell:DataProtection:CertificatePath", _path), new("KeySell:DataProtection:CertificatePassword", Password)];

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_path);
        }
    }
}
