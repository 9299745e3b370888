using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace DhcpCluster.Actors.Remote.Tls;

/// <summary>
/// Wraps a node-to-node connection in TLS: the accepting node authenticates as server (asking for the connecting
/// node's certificate under mutual authentication), the connecting node as client; both check the peer's certificate
/// against <see cref="TlsSettings"/>. A failure throws <see cref="AuthenticationException"/>: the caller drops the
/// connection and logs it, as for a failed shared-secret handshake.
/// </summary>
internal static class TlsConnection
{
    /// <summary>TLS as the accepting side.</summary>
    public static async Task<SslStream> AcceptAsync(Stream inner, TlsSettings settings, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = settings.Certificate,
                ClientCertificateRequired = settings.RequireMutualAuthentication,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(settings, certificate, errors, mustBePresent: settings.RequireMutualAuthentication, checkName: false),
            }, cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>TLS as the connecting side, towards <paramref name="host"/>.</summary>
    public static async Task<SslStream> ConnectAsync(Stream inner, string host, TlsSettings settings, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: true);
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                ClientCertificates = [settings.Certificate],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => settings.Certificate,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(settings, certificate, errors, mustBePresent: true, checkName: settings.ValidateHostname),
            }, cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Accepts a peer certificate that chains to one of the trusted certificates (this node's own among them), or to
    /// the system's roots when no trusted-certificates-path is set; the host name counts only when asked for.
    /// </summary>
    internal static bool Validate(TlsSettings settings, X509Certificate? certificate, SslPolicyErrors errors, bool mustBePresent, bool checkName)
    {
        if (certificate is null)
        {
            return !mustBePresent;
        }

        if (settings.SuppressValidation)
        {
            return true;
        }

        if (checkName && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        if (settings.UseSystemRoots && (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None)
        {
            return true;
        }

        using var peer = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(settings.Trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }
}
