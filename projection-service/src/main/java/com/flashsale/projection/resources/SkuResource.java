package com.flashsale.projection.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.auth.Role;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.projection.api.SkuList;
import com.flashsale.projection.api.SkuView;
import com.flashsale.projection.db.SkuDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Stock of a SKU for any signed-in caller, and of all SKUs for merchants. */
@Path("/v1/skus")
@Produces(MediaType.APPLICATION_JSON)
public class SkuResource {

    private final SkuDao skus;

    public SkuResource(SkuDao skus) {
        this.skus = skus;
    }

    /** Lists every SKU; shoppers get 403, because the list shows sales that have not started. */
    @GET
    @RolesAllowed(Role.MERCHANT_NAME)
    public SkuList list(@Auth Caller caller) {
        return new SkuList(skus.listAll().stream().map(SkuView::of).toList());
    }

    @GET
    @Path("/{skuId}")
    public SkuView find(@Auth Caller caller, @PathParam("skuId") String skuId) {
        PathIds.require("skuId", skuId);
        return skus.findById(skuId)
                .map(SkuView::of)
                .orElseThrow(() -> new ApiException(ErrorCode.SKU_NOT_FOUND));
    }
}
