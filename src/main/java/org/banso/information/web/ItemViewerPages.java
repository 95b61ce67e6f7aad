package org.banso.information.web;

import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.information.InformationItems;
import org.banso.information.ItemId;
import org.banso.information.ItemViewing;
import org.banso.information.ItemViewing.ViewPage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page viewer (R17): one watermarked page image at a time, for every council item the viewer can render; a
 * download link only where the policy permits DOWNLOAD (never for VIEW_ONLY content). Access is decided by the
 * {@link ItemViewing} service (the access policy, action VIEW) and {@link InformationItems}, never here.
 */
@Controller
class ItemViewerPages {

    private final ItemViewing viewing;
    private final InformationItems items;

    ItemViewerPages(ItemViewing viewing, InformationItems items) {
        this.viewing = viewing;
        this.items = items;
    }

    @GetMapping("/items/{id}/view")
    String view(@PathVariable UUID id, @RequestParam(defaultValue = "1") int page, Model model,
                @AuthenticationPrincipal BansoUser user) {
        ItemId item = new ItemId(id);
        int count = viewing.pageCount(item, user);
        int shown = Math.max(1, Math.min(page, count));
        InformationItems.ItemPage opened = items.itemPage(item, user);
        model.addAttribute("item", opened.item());
        // where the handling allows it the copy to take away stays one click away (issue 17)
        model.addAttribute("mayDownload", opened.mayDownload());
        model.addAttribute("page", shown);
        model.addAttribute("count", count);
        return "information/viewer";
    }

    @GetMapping(value = "/items/{id}/view/pages/{n}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> page(@PathVariable UUID id, @PathVariable int n,
                                @AuthenticationPrincipal BansoUser user) {
        ViewPage page = viewing.page(new ItemId(id), n, user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline").contentType(MediaType.IMAGE_PNG).body(page.png());
    }
}
