using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Remote.Tls;

/// <summary>
/// TLS of node-to-node connections (<c>dhcp-cluster.remote.dot-netty.tcp.ssl.*</c>): this node's certificate, the
/// certificates a peer's must chain to, and how strictly peers are checked. Loaded once at start; a missing or
/// unreadable certificate is a configuration error naming the key.
/// </summary>
public sealed class TlsSettings
{
    private TlsSettings(X509Certificate2 certificate, X509Certificate2Collection trusted, bool useSystemRoots, bool suppressValidation, bool requireMutualAuthentication, bool validateHostname)
    {
        Certificate = certificate;
        Trusted = trusted;
        UseSystemRoots = useSystemRoots;
        SuppressValidation = suppressValidation;
        RequireMutualAuthentication = requireMutualAuthentication;
        ValidateHostname = validateHostname;
    }

    /// <summary>This node's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Roots a peer certificate may chain to (this node's certificate among them).</summary>
    public X509Certificate2Collection Trusted { get; }

    /// <summary>True when the system's trusted roots are accepted too (no trusted-certificates-path given).</summary>
    public bool UseSystemRoots { get; }

    /// <summary>suppress-validation.</summary>
    public bool SuppressValidation { get; }

    /// <summary>require-mutual-authentication.</summary>
    public bool RequireMutualAuthentication { get; }

    /// <summary>validate-certificate-hostname.</summary>
    public bool ValidateHostname { get; }

    /// <summary>Reads the TLS settings; null when <c>enable-ssl</c> is off.</summary>
    /// <exception cref="ConfigException">A certificate is missing or cannot be read.</exception>
    public static TlsSettings? Read(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!c.GetBoolean(RemoteConfigKeys.EnableSsl))
        {
            return null;
        }

        var path = c.GetString(RemoteConfigKeys.SslCertificatePath);
        if (path.Length == 0)
        {
            throw c.ErrorAt(RemoteConfigKeys.SslCertificatePath, "enable-ssl is on but no certificate is configured");
        }

        var certificate = LoadCertificate(c, path, c.GetString(RemoteConfigKeys.SslCertificatePassword), c.GetString(RemoteConfigKeys.SslCertificateKeyPath));
        var trusted = new X509Certificate2Collection { X509CertificateLoader.LoadCertificate(certificate.RawData) };
        var trustedPath = c.GetString(RemoteConfigKeys.SslTrustedCertificatesPath);
        if (trustedPath.Length > 0)
        {
            try
            {
                trusted.ImportFromPemFile(trustedPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw c.ErrorAt(RemoteConfigKeys.SslTrustedCertificatesPath, $"cannot read trusted certificates from '{trustedPath}': {e.Message}");
            }
        }

        return new TlsSettings(
            certificate,
            trusted,
            useSystemRoots: trustedPath.Length == 0,
            c.GetBoolean(RemoteConfigKeys.SslSuppressValidation),
            c.GetBoolean(RemoteConfigKeys.SslRequireMutualAuthentication),
            c.GetBoolean(RemoteConfigKeys.SslValidateCertificateHostname));
    }

    private static X509Certificate2 LoadCertificate(Config c, string path, string password, string keyPath)
    {
        try
        {
            var extension = Path.GetExtension(path);
            if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
            {
                var pkcs12 = X509CertificateLoader.LoadPkcs12FromFile(path, password.Length == 0 ? null : password);
                return pkcs12.HasPrivateKey ? pkcs12 : throw new CryptographicException("the file holds no private key");
            }

            using var pem = password.Length == 0
                ? X509Certificate2.CreateFromPemFile(path, keyPath.Length == 0 ? null : keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath.Length == 0 ? null : keyPath);

            // A key loaded from PEM is ephemeral; a PKCS#12 round trip gives SslStream a certificate it can always use.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw c.ErrorAt(RemoteConfigKeys.SslCertificatePath, $"cannot load the certificate '{path}': {e.Message}");
        }
    }
}
