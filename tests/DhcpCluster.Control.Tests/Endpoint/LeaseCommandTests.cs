using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;
using static DhcpCluster.Control.Tests.Endpoint.ResponseAssert;

namespace DhcpCluster.Control.Tests.Endpoint;

public sealed class LeaseCommandTests : IAsyncLifetime
{
    private RunningEndpoint _node = null!;

    public async Task InitializeAsync() => _node = await RunningEndpoint.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static JsonObject Lease(string address, string hw, string? clientId = null, string? hostname = null, long? subnetId = null, long? validLifetime = null)
    {
        var lease = new JsonObject { ["ip-address"] = address, ["hw-address"] = hw };
        if (clientId is not null)
        {
            lease["client-id"] = clientId;
        }

        if (hostname is not null)
        {
            lease["hostname"] = hostname;
        }

        if (subnetId is not null)
        {
            lease["subnet-id"] = subnetId;
        }

        if (validLifetime is not null)
        {
            lease["valid-lft"] = validLifetime;
        }

        return lease;
    }

    private async Task AddThreeLeasesAsync()
    {
        Is(0, await _node.SendAsync(CommandNames.Lease4Add, Lease("192.0.2.10", "08:00:2b:01:02:03", "01:08:00:2b:01:02:03", "alpha")));
        Is(0, await _node.SendAsync(CommandNames.Lease4Add, Lease("192.0.2.20", "08:00:2b:01:02:04", hostname: "Beta")));
        Is(0, await _node.SendAsync(CommandNames.Lease4Add, Lease("198.51.100.5", "08:00:2b:01:02:03", subnetId: 2)));
    }

    [Fact]
    public async Task Lease4_add_then_get_returns_Keas_lease_object()
    {
        var userContext = new JsonObject { ["comment"] = "added by hand" };
        var lease = Lease("192.0.2.202", "1A:1B:1C:1D:1E:1F", "01-1a-1b-1c-1d-1e-1f", "Host.Example.org", validLifetime: 600);
        lease["fqdn-fwd"] = true;
        lease["expire"] = 1_900_000_600;
        lease["user-context"] = userContext;
        var added = await _node.SendAsync(CommandNames.Lease4Add, lease);
        Is(0, added);
        Assert.Equal("Lease for address 192.0.2.202, subnet-id 1 added.", Text(added));

        var response = await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["ip-address"] = "192.0.2.202" });
        Is(0, response);
        Assert.Equal("IPv4 lease found.", Text(response));
        var found = Arguments(response);
        Assert.Equal(
            ["client-id", "cltt", "fqdn-fwd", "fqdn-rev", "hostname", "hw-address", "ip-address", "state", "subnet-id", "user-context", "valid-lft"],
            found.Select(p => p.Key).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal("192.0.2.202", found["ip-address"]!.GetValue<string>());
        Assert.Equal("1a:1b:1c:1d:1e:1f", found["hw-address"]!.GetValue<string>());
        Assert.Equal("01:1a:1b:1c:1d:1e:1f", found["client-id"]!.GetValue<string>());
        Assert.Equal(600, found["valid-lft"]!.GetValue<long>());
        Assert.Equal(1_900_000_000, found["cltt"]!.GetValue<long>());
        Assert.Equal(1, found["subnet-id"]!.GetValue<long>());
        Assert.True(found["fqdn-fwd"]!.GetValue<bool>());
        Assert.False(found["fqdn-rev"]!.GetValue<bool>());
        Assert.Equal("host.example.org", found["hostname"]!.GetValue<string>());
        Assert.Equal(0, found["state"]!.GetValue<int>());
        Assert.Equal("added by hand", found["user-context"]!["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lease4_add_of_a_leased_address_answers_4()
    {
        Is(0, await _node.SendAsync(CommandNames.Lease4Add, Lease("192.0.2.10", "08:00:2b:01:02:03")));
        var response = await _node.SendAsync(CommandNames.Lease4Add, Lease("192.0.2.10", "08:00:2b:99:99:99"));
        Is(4, response);
        Assert.Equal("IPv4 lease already exists for address 192.0.2.10.", Text(response));
    }

    [Theory]
    [InlineData("""{"hw-address": "08:00:2b:01:02:03"}""", "missing parameter 'ip-address'")]
    [InlineData("""{"ip-address": "192.0.2.1"}""", "missing parameter 'hw-address'")]
    [InlineData("""{"ip-address": "2001:db8::1", "hw-address": "08:00:2b:01:02:03"}""", "'ip-address' parameter: '2001:db8::1' is not a valid IPv4 address")]
    [InlineData("""{"ip-address": "192.0.2.1", "hw-address": "zz:00"}""", "'hw-address' parameter: 'zz:00' is not a valid identifier (hex bytes such as 08:00:2b:01:02:03)")]
    [InlineData("""{"ip-address": "192.0.2.1", "hw-address": "08:00:2b:01:02:03", "valid-lft": "long"}""", "'valid-lft' parameter must be an integer")]
    [InlineData("""{"ip-address": "192.0.2.1", "hw-address": "08:00:2b:01:02:03", "state": 7}""", "'state' parameter must be between 0 and 2, found 7")]
    [InlineData("""{"ip-address": "203.0.113.1", "hw-address": "08:00:2b:01:02:03"}""", "no subnet holds 203.0.113.1")]
    [InlineData("""{"ip-address": "192.0.2.1", "hw-address": "08:00:2b:01:02:03", "subnet-id": 2}""", "address 192.0.2.1 is not in subnet 2")]
    public async Task Lease4_add_with_bad_arguments_answers_1(string arguments, string text)
    {
        var response = await _node.SendAsync(CommandNames.Lease4Add, JsonNode.Parse(arguments)!.AsObject());
        Is(1, response);
        Assert.Equal(text, Text(response));
    }

    [Fact]
    public async Task Lease4_get_of_a_free_address_answers_3()
    {
        var response = await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["ip-address"] = "192.0.2.99" });
        Is(3, response);
        Assert.Equal("Lease not found.", Text(response));
    }

    [Fact]
    public async Task Lease4_get_by_identifier_and_subnet()
    {
        await AddThreeLeasesAsync();
        var byHw = await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["identifier-type"] = "hw-address", ["identifier"] = "08:00:2b:01:02:03", ["subnet-id"] = 2 });
        Assert.Equal("198.51.100.5", Arguments(byHw)["ip-address"]!.GetValue<string>());
        var byClientId = await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["identifier-type"] = "client-id", ["identifier"] = "0108002b010203", ["subnet-id"] = 1 });
        Assert.Equal("192.0.2.10", Arguments(byClientId)["ip-address"]!.GetValue<string>());
        Is(3, await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["identifier-type"] = "client-id", ["identifier"] = "01:02", ["subnet-id"] = 1 }));
        Is(1, await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["identifier-type"] = "duid", ["identifier"] = "01:02", ["subnet-id"] = 1 }));
        Is(1, await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["identifier-type"] = "hw-address", ["identifier"] = "01:02" }));
        Is(1, await _node.SendAsync(CommandNames.Lease4Get));
    }

    [Fact]
    public async Task Lease4_get_all_lists_every_lease_or_those_of_some_subnets()
    {
        await AddThreeLeasesAsync();
        var all = await _node.SendAsync(CommandNames.Lease4GetAll);
        Is(0, all);
        Assert.Equal("3 IPv4 lease(s) found.", Text(all));
        Assert.Equal(3, Arguments(all)["leases"]!.AsArray().Count);
        Assert.False(Arguments(all).ContainsKey("count"));
        var second = await _node.SendAsync(CommandNames.Lease4GetAll, new JsonObject { ["subnets"] = new JsonArray(2) });
        Assert.Equal("198.51.100.5", Arguments(second)["leases"]![0]!["ip-address"]!.GetValue<string>());
        Is(1, await _node.SendAsync(CommandNames.Lease4GetAll, new JsonObject { ["subnets"] = "all" }));
    }

    [Fact]
    public async Task Lease4_get_all_without_leases_answers_3_with_an_empty_list()
    {
        var response = await _node.SendAsync(CommandNames.Lease4GetAll);
        Is(3, response);
        Assert.Equal("0 IPv4 lease(s) found.", Text(response));
        Assert.Empty(Arguments(response)["leases"]!.AsArray());
    }

    [Fact]
    public async Task Lease4_get_page_walks_the_leases_in_address_order()
    {
        await AddThreeLeasesAsync();
        var first = Arguments(await _node.SendAsync(CommandNames.Lease4GetPage, new JsonObject { ["from"] = "start", ["limit"] = 2 }));
        Assert.Equal(2, first["count"]!.GetValue<int>());
        Assert.Equal(["192.0.2.10", "192.0.2.20"], first["leases"]!.AsArray().Select(l => l!["ip-address"]!.GetValue<string>()), StringComparer.Ordinal);
        var second = Arguments(await _node.SendAsync(CommandNames.Lease4GetPage, new JsonObject { ["from"] = "192.0.2.20", ["limit"] = 2 }));
        Assert.Equal(1, second["count"]!.GetValue<int>());
        var last = await _node.SendAsync(CommandNames.Lease4GetPage, new JsonObject { ["from"] = "198.51.100.5", ["limit"] = 2 });
        Is(3, last);
        Assert.Equal(0, Arguments(last)["count"]!.GetValue<int>());
        Is(1, await _node.SendAsync(CommandNames.Lease4GetPage, new JsonObject { ["from"] = "start", ["limit"] = 0 }));
        Is(1, await _node.SendAsync(CommandNames.Lease4GetPage, new JsonObject { ["limit"] = 10 }));
    }

    [Fact]
    public async Task Lease4_get_by_hw_address_client_id_and_hostname()
    {
        await AddThreeLeasesAsync();
        var byHw = await _node.SendAsync(CommandNames.Lease4GetByHwAddress, new JsonObject { ["hw-address"] = "08:00:2B:01:02:03" });
        Is(0, byHw);
        Assert.Equal("2 IPv4 lease(s) found.", Text(byHw));
        var byClientId = Arguments(await _node.SendAsync(CommandNames.Lease4GetByClientId, new JsonObject { ["client-id"] = "01:08:00:2b:01:02:03" }));
        Assert.Single(byClientId["leases"]!.AsArray());
        var byHostname = Arguments(await _node.SendAsync(CommandNames.Lease4GetByHostname, new JsonObject { ["hostname"] = "BETA" }));
        Assert.Equal("192.0.2.20", byHostname["leases"]![0]!["ip-address"]!.GetValue<string>());
        Is(3, await _node.SendAsync(CommandNames.Lease4GetByHostname, new JsonObject { ["hostname"] = "gamma" }));
        Is(3, await _node.SendAsync(CommandNames.Lease4GetByHwAddress, new JsonObject { ["hw-address"] = "00:00:00:00:00:01" }));
        Is(1, await _node.SendAsync(CommandNames.Lease4GetByHwAddress, new JsonObject()));
        Is(1, await _node.SendAsync(CommandNames.Lease4GetByHostname, new JsonObject { ["hostname"] = string.Empty }));
    }

    [Fact]
    public async Task Lease4_update_changes_a_lease_and_creates_one_only_when_forced()
    {
        await AddThreeLeasesAsync();
        var update = Lease("192.0.2.10", "08:00:2b:01:02:03", hostname: "renamed", validLifetime: 60);
        var response = await _node.SendAsync(CommandNames.Lease4Update, update);
        Is(0, response);
        Assert.Equal("IPv4 lease updated.", Text(response));
        var found = Arguments(await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["ip-address"] = "192.0.2.10" }));
        Assert.Equal("renamed", found["hostname"]!.GetValue<string>());
        Assert.Equal(60, found["valid-lft"]!.GetValue<long>());

        var missing = Lease("192.0.2.77", "08:00:2b:01:02:77");
        Is(3, await _node.SendAsync(CommandNames.Lease4Update, missing));
        missing["force-create"] = true;
        Is(0, await _node.SendAsync(CommandNames.Lease4Update, missing));
        Is(0, await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["ip-address"] = "192.0.2.77" }));
    }

    [Fact]
    public async Task Lease4_del_by_address_or_identifier()
    {
        await AddThreeLeasesAsync();
        var deleted = await _node.SendAsync(CommandNames.Lease4Del, new JsonObject { ["ip-address"] = "192.0.2.20" });
        Is(0, deleted);
        Assert.Equal("IPv4 lease deleted.", Text(deleted));
        var again = await _node.SendAsync(CommandNames.Lease4Del, new JsonObject { ["ip-address"] = "192.0.2.20" });
        Is(3, again);
        Assert.Equal("IPv4 lease not found.", Text(again));
        Is(0, await _node.SendAsync(CommandNames.Lease4Del, new JsonObject { ["identifier-type"] = "hw-address", ["identifier"] = "08:00:2b:01:02:03", ["subnet-id"] = 2 }));
        Is(3, await _node.SendAsync(CommandNames.Lease4Get, new JsonObject { ["ip-address"] = "198.51.100.5" }));
        Is(1, await _node.SendAsync(CommandNames.Lease4Del, new JsonObject { ["ip-address"] = "not-an-address" }));
    }

    [Fact]
    public async Task Lease4_wipe_deletes_a_subnets_leases_then_answers_3()
    {
        await AddThreeLeasesAsync();
        var wiped = await _node.SendAsync(CommandNames.Lease4Wipe, new JsonObject { ["subnet-id"] = 1 });
        Is(0, wiped);
        Assert.Equal("Deleted 2 IPv4 lease(s) from subnet(s) 1", Text(wiped));
        Is(3, await _node.SendAsync(CommandNames.Lease4Wipe, new JsonObject { ["subnet-id"] = 1 }));
        var all = await _node.SendAsync(CommandNames.Lease4Wipe);
        Assert.Equal("Deleted 1 IPv4 lease(s) from subnet(s) all", Text(all));
        Is(3, await _node.SendAsync(CommandNames.Lease4GetAll));
        Is(1, await _node.SendAsync(CommandNames.Lease4Wipe, new JsonObject { ["subnet-id"] = -1 }));
    }
}
