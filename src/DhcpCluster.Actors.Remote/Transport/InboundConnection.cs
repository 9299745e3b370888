using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using DhcpCluster.Actors.Remote.Handshake;
using DhcpCluster.Actors.Remote.Protos;
using DhcpCluster.Actors.Remote.Serialization;
using DhcpCluster.Actors.Remote.Tls;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Remote.Transport;

/// <summary>
/// The receiving side of one connection from another node. Nothing but the handshake is read until the
/// peer has proven it knows the shared secret; then envelopes are decoded and delivered in arrival order.
/// </summary>
internal sealed class InboundConnection
{
    public const int ProtocolVersion = 1;
    public const string QuarantinedReason = "quarantined";
    private const int RefCacheLimit = 8192;

    private readonly RemoteTransport _transport;
    private readonly Socket _socket;
    private readonly IPEndPoint? _endpoint;
    private readonly Dictionary<string, IActorRef> _recipients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _senders = new(StringComparer.Ordinal);

    public InboundConnection(RemoteTransport transport, Socket socket, IPEndPoint? endpoint)
    {
        _transport = transport;
        _socket = socket;
        _endpoint = endpoint;
    }

    public Address? RemoteAddress { get; private set; }

    public long RemoteUid { get; private set; }

    public void Close()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        _socket.Close();
    }

    public async Task RunAsync()
    {
        await Task.Yield();
        Stream stream = new NetworkStream(_socket, ownsSocket: true);
        if (_transport.Settings.Tls is { } tls)
        {
            var secured = await SecureAsync(stream, tls).ConfigureAwait(false);
            if (secured is null)
            {
                _transport.OnInboundClosed(this);
                await stream.DisposeAsync().ConfigureAwait(false);
                return;
            }

            stream = secured;
        }

        var reader = PipeReader.Create(stream);
        try
        {
            if (await HandshakeAsync(stream, reader).ConfigureAwait(false))
            {
                _transport.OnInboundAccepted(this);
                await ReadLoopAsync(reader).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended.
        }
        catch (Exception e) when (e is InvalidDataException or InvalidProtocolBufferException)
        {
            _transport.Log.LogWarning("REMOTE_PROTOCOL_ERROR from {Remote}: {Reason}; connection closed", (object?)RemoteAddress ?? _endpoint, e.Message);
        }
        finally
        {
            _transport.OnInboundClosed(this);
            await reader.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<Stream?> SecureAsync(Stream stream, TlsSettings tls)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_transport.ShutdownToken);
        timeout.CancelAfter(_transport.Settings.HandshakeTimeout);
        try
        {
            return await TlsConnection.AcceptAsync(stream, tls, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException or OperationCanceledException)
        {
            Fail(null, "TLS: " + (e is OperationCanceledException ? "not completed within handshake-timeout" : e.Message));
            return null;
        }
    }

    private async Task<bool> HandshakeAsync(Stream stream, PipeReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_transport.ShutdownToken);
        timeout.CancelAfter(_transport.Settings.HandshakeTimeout);
        var (hello, helloProblem) = await ReadAsync(reader, HandshakeHello.Parser, timeout.Token).ConfigureAwait(false);
        if (hello is null)
        {
            return Fail(null, helloProblem);
        }

        if (hello.ProtocolVersion != ProtocolVersion)
        {
            return Fail(hello.FromAddress, $"protocol version {hello.ProtocolVersion}, expected {ProtocolVersion}");
        }

        var serverNonce = HandshakeProofs.NewNonce();
        await WriteFrameAsync(stream, new HandshakeChallenge
        {
            ServerAddress = _transport.AddressText,
            ServerUid = _transport.Uid,
            ServerNonce = ByteString.CopyFrom(serverNonce),
            ServerProof = ByteString.CopyFrom(HandshakeProofs.ServerProof(_transport.Secret, hello.ClientNonce.Span, _transport.AddressText, _transport.Uid)),
        }, timeout.Token).ConfigureAwait(false);

        var (proof, proofProblem) = await ReadAsync(reader, HandshakeProof.Parser, timeout.Token).ConfigureAwait(false);
        if (proof is null)
        {
            return Fail(hello.FromAddress, proofProblem);
        }

        var (from, refusal, problem) = Verify(hello, proof, serverNonce);
        if (from is null)
        {
            await TryRefuseAsync(stream, refusal, timeout.Token).ConfigureAwait(false);
            return Fail(hello.FromAddress, problem);
        }

        RemoteAddress = from;
        RemoteUid = hello.FromUid;
        await WriteFrameAsync(stream, new HandshakeResult { Accepted = true }, timeout.Token).ConfigureAwait(false);
        return true;
    }

    private async Task<(T? Message, string Problem)> ReadAsync<T>(PipeReader reader, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        try
        {
            var message = await FrameCodec.ReadMessageAsync(reader, parser, 4096, cancellationToken).ConfigureAwait(false);
            return (message, message is null ? "closed during the handshake" : string.Empty);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidProtocolBufferException)
        {
            return (null, "not a handshake message: " + e.Message);
        }
        catch (OperationCanceledException) when (!_transport.ShutdownToken.IsCancellationRequested)
        {
            return (null, "handshake not completed within handshake-timeout");
        }
    }

    private (Address? From, string Refusal, string Problem) Verify(HandshakeHello hello, HandshakeProof proof, byte[] serverNonce)
    {
        var expected = HandshakeProofs.ClientProof(_transport.Secret, serverNonce, hello.FromAddress, hello.FromUid);
        if (!HandshakeProofs.Matches(expected, proof.ClientProof.Span))
        {
            return (null, "authentication failed", "wrong shared secret (secure-cookie)");
        }

        Address from;
        try
        {
            from = Address.Parse(hello.FromAddress);
        }
        catch (FormatException e)
        {
            return (null, "invalid address", e.Message);
        }

        if (!string.Equals(hello.ToAddress, _transport.AddressText, StringComparison.Ordinal))
        {
            return (null, $"this node is {_transport.AddressText}", $"addressed to {hello.ToAddress}, this node is {_transport.AddressText}");
        }

        return _transport.IsQuarantined(from, hello.FromUid)
            ? (null, QuarantinedReason, $"incarnation {hello.FromUid} is quarantined")
            : (from, string.Empty, string.Empty);
    }

    private async Task TryRefuseAsync(Stream stream, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await WriteFrameAsync(stream, new HandshakeResult { Accepted = false, Reason = reason }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The peer is gone anyway.
        }
    }

    private bool Fail(string? remote, string reason)
    {
        var who = remote ?? _endpoint?.ToString() ?? "unknown";
        _transport.Log.LogWarning("REMOTE_HANDSHAKE_FAILED inbound from {Remote} ({Endpoint}): {Reason}; connection dropped, nothing delivered", who, _endpoint, reason);
        _transport.System.EventStream.Publish(new RemotingEvents.HandshakeFailed(who, Inbound: true, reason));
        return false;
    }

    private static async Task WriteFrameAsync(Stream stream, IMessage message, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        FrameCodec.Write(buffer, message);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadLoopAsync(PipeReader reader)
    {
        var maximum = _transport.Settings.MaximumFrameSize;
        var token = _transport.ShutdownToken;
        while (true)
        {
            var result = await reader.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            while (FrameCodec.TryRead(ref buffer, maximum, out var frame))
            {
                Deliver(RemoteEnvelope.Parser.ParseFrom(frame));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private void Deliver(RemoteEnvelope envelope)
    {
        if (envelope.RecipientUid != 0 && envelope.RecipientUid != _transport.Uid)
        {
            _transport.Log.LogDebug("REMOTE_OTHER_INCARNATION from {Remote} for {Recipient}: addressed to incarnation {Uid}, this is {Self}; dropped", RemoteAddress, envelope.Recipient, envelope.RecipientUid, _transport.Uid);
            return;
        }

        object message;
        IActorRef? sender;
        ActorRefResolver.BeginOrigin(RemoteAddress, RemoteUid);
        try
        {
            message = _transport.Serialization.Deserialize(envelope.SerializerId, envelope.Manifest, envelope.Payload.Span);
            sender = envelope.Sender.Length == 0 ? null : Sender(envelope.Sender);
        }
        catch (Exception e) when (e is UnknownManifestException or InvalidProtocolBufferException or InvalidCastException or FormatException)
        {
            _transport.Log.LogWarning("REMOTE_DESERIALIZATION_FAILED from {Remote} for {Recipient} (serializer {Id}, manifest {Manifest}): {Reason}", RemoteAddress, envelope.Recipient, envelope.SerializerId, envelope.Manifest, e.Message);
            return;
        }
        finally
        {
            ActorRefResolver.EndOrigin();
        }

        var recipient = Recipient(envelope.Recipient);
        if (envelope.System)
        {
            DeliverSystem(recipient, message);
            return;
        }

        var created = envelope.CreatedUtcTicks != 0 ? envelope.CreatedUtcTicks : MessageClock.UtcNowTicks;
        if (recipient is InternalActorRef target)
        {
            target.TellCreatedAt(message, sender, created);
        }
        else
        {
            recipient.Tell(message, sender);
        }
    }

    private void DeliverSystem(IActorRef recipient, object message)
    {
        if (recipient is not InternalActorRef target)
        {
            return;
        }

        switch (message)
        {
            case Watch watch:
                target.SendSystemMessage(new Watch(target, watch.Watcher));
                break;
            case Unwatch unwatch:
                target.SendSystemMessage(new Unwatch(target, unwatch.Watcher));
                break;
            case DeathWatchNotification notification:
                _transport.RemoteDeathNotification(target, notification);
                break;
            default:
                _transport.Log.LogWarning("REMOTE_UNEXPECTED_SYSTEM_MESSAGE {MessageType} from {Remote}", message.GetType().Name, RemoteAddress);
                break;
        }
    }

    private IActorRef Recipient(string path)
    {
        if (_recipients.TryGetValue(path, out var cached) && cached is InternalActorRef { IsTerminated: false })
        {
            return cached;
        }

        var local = _transport.LocalProvider;
        IActorRef resolved = ActorPath.TryParse(path, out var parsed, out _) ? local.ResolveActorRef(parsed) : local.DeadLetters;
        if (_recipients.Count >= RefCacheLimit)
        {
            _recipients.Clear();
        }

        _recipients[path] = resolved;
        return resolved;
    }

    private IActorRef Sender(string path)
    {
        if (_senders.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var resolved = _transport.Refs.Resolve(path);
        if (_senders.Count >= RefCacheLimit)
        {
            _senders.Clear();
        }

        _senders[path] = resolved;
        return resolved;
    }
}
