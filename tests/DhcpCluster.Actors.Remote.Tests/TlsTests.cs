using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Remote.Tests;

/// <summary>Remoting over TLS with self-signed certificates made for the test: mutual authentication, and the shared secret still applies.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dhcp-cluster-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Two_nodes_with_the_cluster_certificate_talk_over_TLS()
    {
        var certificate = CreateCertificate("cluster", "pfx-password");
        var a = Nodes.Start("a", extra: Tls(certificate, "pfx-password"));
        var b = Nodes.Start("b", extra: Tls(certificate, "pfx-password"));
        try
        {
            Assert.NotNull(RemoteActorSystem.Transport(a).Settings.Tls);
            b.ActorOf(Props.Create(() => new Echo()), "echo");
            Assert.Equal("over tls", await Nodes.RefOn(a, b, "/user/echo").Ask<string>("over tls", TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await a.Terminate();
            await b.Terminate();
        }
    }

    [Fact]
    public async Task A_node_whose_certificate_is_not_trusted_is_refused_and_nothing_it_sent_is_delivered()
    {
        var cluster = CreateCertificate("cluster", "pw");
        var stranger = CreateCertificate("stranger", "pw");
        var a = Nodes.Start("a", extra: Tls(cluster, "pw"));
        var intruder = Nodes.Start("x", extra: Tls(stranger, "pw"));
        try
        {
            var failures = new Probe(a, "failures");
            a.EventStream.Subscribe(failures.Ref, typeof(RemotingEvents.HandshakeFailed));
            var sink = new Probe(a, "sink");
            Nodes.RefOn(intruder, a, "/user/sink").Tell("intrusion", null);
            var failed = await failures.ExpectAsync<RemotingEvents.HandshakeFailed>();
            Assert.StartsWith("TLS", failed.Reason, StringComparison.Ordinal);
            await sink.ExpectNoMessageAsync(TimeSpan.FromSeconds(1));
        }
        finally
        {
            await a.Terminate();
            await intruder.Terminate();
        }
    }

    [Fact]
    public async Task A_node_without_TLS_cannot_reach_a_TLS_node()
    {
        var cluster = CreateCertificate("cluster", "pw");
        var a = Nodes.Start("a", extra: Tls(cluster, "pw"));
        var plain = Nodes.Start("p");
        try
        {
            var failures = new Probe(a, "failures");
            a.EventStream.Subscribe(failures.Ref, typeof(RemotingEvents.HandshakeFailed));
            var sink = new Probe(a, "sink");
            Nodes.RefOn(plain, a, "/user/sink").Tell("in clear", null);
            await failures.ExpectAsync<RemotingEvents.HandshakeFailed>();
            await sink.ExpectNoMessageAsync(TimeSpan.FromSeconds(1));
        }
        finally
        {
            await a.Terminate();
            await plain.Terminate();
        }
    }

    [Fact]
    public async Task The_shared_secret_still_applies_inside_TLS()
    {
        var cluster = CreateCertificate("cluster", "pw");
        var a = Nodes.Start("a", cookie: "right", extra: Tls(cluster, "pw"));
        var intruder = Nodes.Start("x", cookie: "wrong", extra: Tls(cluster, "pw"));
        try
        {
            var failures = new Probe(intruder, "failures");
            intruder.EventStream.Subscribe(failures.Ref, typeof(RemotingEvents.HandshakeFailed));
            var sink = new Probe(a, "sink");
            Nodes.RefOn(intruder, a, "/user/sink").Tell("intrusion", null);
            var failed = await failures.ExpectAsync<RemotingEvents.HandshakeFailed>();
            Assert.Contains("shared secret", failed.Reason, StringComparison.Ordinal);
            await sink.ExpectNoMessageAsync(TimeSpan.FromSeconds(1));
        }
        finally
        {
            await a.Terminate();
            await intruder.Terminate();
        }
    }

    [Fact]
    public void Enabling_TLS_without_a_readable_certificate_is_a_configuration_error_naming_the_key()
    {
        var missing = Assert.Throws<ConfigException>(() => RemoteSettings.Read(ConfigFactory.ParseString("dhcp-cluster.remote.dot-netty.tcp.enable-ssl = on")));
        Assert.Contains("ssl.certificate.path", missing.Message, StringComparison.Ordinal);
        var unreadable = Assert.Throws<ConfigException>(() => RemoteSettings.Read(ConfigFactory.ParseString(Tls(Path.Combine(_directory, "absent.pfx"), "pw"))));
        Assert.Contains("cannot load the certificate", unreadable.Message, StringComparison.Ordinal);
        var certificate = CreateCertificate("cluster", "right");
        Assert.Throws<ConfigException>(() => RemoteSettings.Read(ConfigFactory.ParseString(Tls(certificate, "wrong"))));
    }

    private static string Tls(string certificatePath, string password) => $$"""
        dhcp-cluster.remote.dot-netty.tcp {
          enable-ssl = on
          ssl.certificate { path = "{{certificatePath}}", password = "{{password}}" }
        }
        """;

    /// <summary>A self-signed certificate (its own root) for loopback, written as a password-protected PKCS#12 file.</summary>
    private string CreateCertificate(string name, string password)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_directory, $"{name}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
