package com.dentaldesk.voice.e2e;

import java.util.List;

import com.dentaldesk.voice.support.RealBookingApi;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway wired to a real booking-api instead of the WireMock one the other tests use. */
public class RealBookingProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealBookingApi.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
